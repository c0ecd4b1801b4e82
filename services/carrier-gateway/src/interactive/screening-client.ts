import { Inject, Injectable } from '@nestjs/common';
import { toBinary } from '@bufbuild/protobuf';
import { PassengerReportedSchema, type PassengerReported } from '@docscreen/contracts';
import { GATEWAY_CONFIG } from '../config/config.module.js';
import type { GatewayConfig } from '../config/gateway-config.js';

export type Directive = 'board' | 'do-not-board' | 'contact-authority';

/** Screening's answer for one traveller (services/screening, `POST /v1/screenings`). */
export interface TravellerScreening {
  passengerEventId: string;
  travellerRef: string;
  screeningId: string;
  outcome: string;
  directive: Directive;
  reason: string;
}

const DIRECTIVES: ReadonlySet<string> = new Set<Directive>(['board', 'do-not-board', 'contact-authority']);

/**
 * Calls screening's interactive API with the events the gateway has just published. Throws on
 * anything but a complete, well-formed answer — the caller turns every failure into the safe default.
 */
@Injectable()
export class ScreeningClient {
  constructor(@Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig) {}

  get enabled(): boolean {
    return this.config.SCREENING_TOKEN !== undefined;
  }

  async screen(events: readonly PassengerReported[], signal: AbortSignal): Promise<TravellerScreening[]> {
    const response = await fetch(new URL('/v1/screenings', this.config.SCREENING_URL), {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${this.config.SCREENING_TOKEN ?? ''}`,
      },
      body: JSON.stringify({
        events: events.map((event) =>
          Buffer.from(toBinary(PassengerReportedSchema, event)).toString('base64'),
        ),
      }),
      signal,
    });
    if (!response.ok) {
      throw new Error(`screening answered ${response.status} ${response.statusText}`);
    }
    const body = (await response.json()) as { screenings?: unknown };
    const screenings = Array.isArray(body.screenings) ? (body.screenings as TravellerScreening[]) : [];
    // Every traveller answered, with a directive we know: anything less is not an answer.
    const answered = new Set(screenings.map((s) => s.passengerEventId));
    const complete =
      screenings.length === events.length &&
      events.every((e) => answered.has(e.envelope?.eventId ?? '')) &&
      screenings.every((s) => DIRECTIVES.has(s.directive));
    if (!complete) throw new Error('screening answered without a directive for every traveller');
    return screenings;
  }
}
