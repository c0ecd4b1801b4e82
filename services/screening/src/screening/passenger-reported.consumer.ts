import { EventPattern, Payload } from '@nestjs/microservices';
import { TOPICS } from '@docscreen/contracts';
import type { ConsumedEvent } from '@docscreen/kafka';
import { BATCH, EventController } from '@docscreen/nest-platform';
import { ScreeningService } from './screening.service.js';

/**
 * Every traveller a carrier reports is screened the moment the event arrives; a busy partition's
 * consecutive events are screened together (one insert, one produce request: see ScreeningService).
 */
@EventController()
export class PassengerReportedConsumer {
  constructor(private readonly screening: ScreeningService) {}

  @EventPattern(TOPICS.PASSENGER_REPORTED, BATCH)
  async onPassengersReported(
    @Payload() events: readonly ConsumedEvent<typeof TOPICS.PASSENGER_REPORTED>[],
  ): Promise<void> {
    // Each event with its own trace: the batch is one span, every traveller's results stay in its trace.
    await this.screening.screenAll(events);
  }
}
