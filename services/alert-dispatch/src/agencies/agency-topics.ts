import { Inject, Injectable } from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import { agencyAlertTopic } from '@docscreen/contracts';
import { ensureTopics } from '@docscreen/kafka';
import { KAFKA } from '@docscreen/nest-platform';

/** Like screening.alert-raised.v1, so a flight's alerts stay in order and an agency can scale to it. */
const PARTITIONS = 12;

/**
 * Creates agencies' topics (alerts.<code>.v1) when first needed: at registration, and before the first
 * publish on a replica (the broker does not create topics on its own). Remembered per process, so the
 * admin round trip is paid once per topic.
 */
@Injectable()
export class AgencyTopics {
  private readonly ensured = new Map<string, Promise<string>>();

  constructor(@Inject(KAFKA) private readonly kafka: Kafka) {}

  ensure(agencyCode: string): Promise<string> {
    const topic = agencyAlertTopic(agencyCode);
    let ready = this.ensured.get(topic);
    if (!ready) {
      ready = ensureTopics(this.kafka, [{ topic, numPartitions: PARTITIONS }]).then(() => topic);
      // A failure is not remembered: the next alert tries again.
      ready.catch(() => this.ensured.delete(topic));
      this.ensured.set(topic, ready);
    }
    return ready;
  }
}
