import { EventPattern, Payload } from '@nestjs/microservices';
import { TOPICS } from '@docscreen/contracts';
import type { ConsumedEvent } from '@docscreen/kafka';
import { EventController } from '@docscreen/nest-platform';
import { DirectivesService } from './directives.service.js';

/** Every directive screening issues reaches its carrier: table (polling), carrier topic, webhook. */
@EventController()
export class BoardingDirectiveConsumer {
  constructor(private readonly directives: DirectivesService) {}

  @EventPattern(TOPICS.BOARDING_DIRECTIVE)
  async onBoardingDirective(
    @Payload() event: ConsumedEvent<typeof TOPICS.BOARDING_DIRECTIVE>,
  ): Promise<void> {
    await this.directives.deliver(event.message);
  }
}
