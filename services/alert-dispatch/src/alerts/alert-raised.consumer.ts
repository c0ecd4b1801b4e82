import { EventPattern, Payload } from '@nestjs/microservices';
import { TOPICS } from '@docscreen/contracts';
import type { ConsumedEvent } from '@docscreen/kafka';
import { EventController } from '@docscreen/nest-platform';
import { AlertIntake } from './alert-intake.service.js';

/**
 * Every alert screening raises is routed the moment it arrives. The offset commits when this returns:
 * after the alert is stored and its copies are published and queued; a thrown error is retried, then
 * dead-lettered with its reason (`no-agency`, `contract-violation`).
 */
@EventController()
export class AlertRaisedConsumer {
  constructor(private readonly intake: AlertIntake) {}

  @EventPattern(TOPICS.ALERT_RAISED)
  async onAlertRaised(@Payload() event: ConsumedEvent<typeof TOPICS.ALERT_RAISED>): Promise<void> {
    await this.intake.receive(event.message);
  }
}
