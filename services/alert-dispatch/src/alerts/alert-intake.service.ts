import { Inject, Injectable } from '@nestjs/common';
import {
  alertView,
  encodeEvent,
  isUuid,
  TOPICS,
  type AlertRaised,
  type AlertView,
} from '@docscreen/contracts';
import { PermanentEventError } from '@docscreen/kafka';
import { LOGGER } from '@docscreen/nest-platform';
import type { Logger } from '@docscreen/observability';
import { AgenciesService } from '../agencies/agencies.service.js';
import { SERVICE_NAME } from '../config/dispatch-config.js';
import { PrismaService } from '../database/prisma.service.js';
import { routeAlert, type RoutableAlert } from '../routing/route-alert.js';
import { AlertFanOut } from './alert-fan-out.js';
import { countRoutedAlert } from './alerts.metrics.js';
import { insertRoutedAlert, type NewCopy } from './alert-store.js';

/**
 * Takes one AlertRaised: routes it, stores it with its copies in one transaction, then delivers the
 * copies. A redelivered alert (same alert_id) changes nothing in the database — the routing stored the
 * first time stands — and delivers only what has not gone out yet, so the handler can simply run
 * again after any crash.
 */
@Injectable()
export class AlertIntake {
  constructor(
    private readonly prisma: PrismaService,
    private readonly agencies: AgenciesService,
    private readonly fanOut: AlertFanOut,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async receive(alert: AlertRaised): Promise<void> {
    const view = viewOf(alert);
    const facts = routableOf(view);
    const agencies = await this.agencies.routingAgencies();
    const routing = routeAlert(facts, agencies);
    if (routing.kind === 'none') return this.unroutable(alert, view);

    const byCode = new Map(agencies.map((agency) => [agency.code, agency]));
    const copies: NewCopy[] = routing.agencies.flatMap(({ code, via }) => {
      const agency = byCode.get(code);
      return agency
        ? [
            {
              agencyId: agency.id,
              agencyCode: agency.code,
              routedVia: via,
              kafkaChannel: agency.kafkaEnabled,
              webhookChannel: agency.webhook,
            },
          ]
        : [];
    });
    const stored = await insertRoutedAlert(
      this.prisma,
      {
        alertId: alert.alertId,
        screeningId: alert.screeningId,
        correlationId: alert.envelope?.correlationId ?? '',
        flightKey: alert.flightKey,
        alertTypes: [...facts.alertTypes],
        view,
        payload: encodeEvent(TOPICS.ALERT_RAISED, alert),
      },
      copies,
      SERVICE_NAME,
    );
    if (stored) countRoutedAlert(copies, view.severity, routing.kind);
    if (stored)
      this.logger.info(
        { alertId: alert.alertId, routing: routing.kind, agencies: copies.map((c) => c.agencyCode) },
        'alert routed',
      );
    // Fresh copies are known; a redelivery reads what was stored the first time.
    await this.fanOut.deliver(alert, view, stored ? copies : undefined);
  }

  /**
   * Nobody may receive the alert. If it was stored before (a redelivery after the agencies changed),
   * its copies stand and are delivered. Otherwise it goes to the dead-letter topic whole, to be
   * replayed once a fallback agency exists — never dropped, and never quietly.
   */
  private async unroutable(alert: AlertRaised, view: AlertView): Promise<void> {
    if ((await this.prisma.alert.count({ where: { alertId: alert.alertId } })) > 0)
      return this.fanOut.deliver(alert, view);
    this.logger.error(
      { alertId: alert.alertId, severity: view.severity, ...view.routing },
      'NO AGENCY for this alert and no fallback agency configured: dead-lettering it (register a fallback agency, then replay the dead-letter topic)',
    );
    throw new PermanentEventError(
      'no-agency',
      `no agency is responsible for alert ${alert.alertId} and no fallback agency is configured`,
    );
  }
}

/** The JSON view, or the contract violation that makes the alert impossible to take. */
function viewOf(alert: AlertRaised): AlertView {
  const problem = !isUuid(alert.alertId)
    ? 'alert_id is not a UUID'
    : !isUuid(alert.screeningId)
      ? 'screening_id is not a UUID'
      : !alert.envelope?.occurredAt
        ? 'envelope.occurred_at is missing'
        : !alert.flightKey
          ? 'flight_key is empty'
          : undefined;
  if (problem) throw new PermanentEventError('contract-violation', `AlertRaised: ${problem}`);
  return alertView(alert);
}

function routableOf(view: AlertView): RoutableAlert {
  return {
    severity: view.severity,
    alertTypes: [...new Set(view.reasons.map((reason) => reason.check).filter(Boolean))],
    ...view.routing,
  };
}
