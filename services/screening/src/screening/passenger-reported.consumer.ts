import { EventPattern, Payload } from '@nestjs/microservices';
import { TOPICS, type EventOf } from '@docscreen/contracts';
import type { ConsumedEvent } from '@docscreen/kafka';
import { EventController } from '@docscreen/nest-platform';
import { ScreeningService } from './screening.service.js';

/** Every traveller a carrier reports is screened the moment the event arrives. */
@EventController()
export class PassengerReportedConsumer {
  constructor(private readonly screening: ScreeningService) {}

  @EventPattern(TOPICS.PASSENGER_REPORTED)
  async onPassengerReported(
    @Payload() event: ConsumedEvent<typeof TOPICS.PASSENGER_REPORTED>,
  ): Promise<void> {
    const message: EventOf<typeof TOPICS.PASSENGER_REPORTED> = event.message;
    await this.screening.screen(message);
  }
}
