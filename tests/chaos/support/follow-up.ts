import { createServer, type Server } from 'node:http';
import {
  agencyAlertTopic,
  AlertRaisedSchema,
  BoardingDirectiveSchema,
  carrierDirectiveTopic,
  ScreeningCompletedSchema,
  ScreeningOutcome,
  TOPICS,
} from '@docscreen/contracts';
import { td3Mrz, waitFor, type RunningService } from '@docscreen/testing';
import { call } from '../../e2e/support/services.js';
import { group } from './chaos-table.js';
import { readTopic } from './chaos-topics.js';

const began = Date.now();
/** Where the time goes: the suite must stay inside CI's budget. */
export const progress = (what: string) =>
  process.stdout.write(`chaos ${((Date.now() - began) / 1000).toFixed(0)} s: ${what}\n`);

/** A traveller with a TD3 passport of the Netherlands, its machine-readable zone consistent. */
export function traveller(ref: string, number: string) {
  const mrz = td3Mrz({
    state: 'NLD',
    number,
    birthDate: '1985-03-14',
    sex: 'F',
    expiryDate: '2032-05-31',
    surname: 'DOE',
    givenNames: 'JANE',
  });
  return {
    travellerRef: ref,
    surname: 'DOE',
    givenNames: 'JANE',
    birthDate: '1985-03-14',
    sex: 'F',
    nationality: 'NLD',
    documents: [{ type: 'P', number, issuingState: 'NLD', expiryDate: '2032-05-31', mrz }],
  };
}

/** One manifest the stream sent, and what the carrier was told. */
export interface Sent {
  phase: string;
  status: number | 'refused';
  retryAfter: string | null;
  accepted: string[];
  /** The traveller of this manifest who carries a listed passport, if any. */
  listedRef?: string;
  answeredAt: number;
  /** Why a request was refused, or what an answer other than 202 and 503 said. */
  error?: string;
}

/** What became of a set of acknowledged travellers, read from the broker they were published to. */
export interface FollowUp {
  screenings: Map<string, Set<string>>;
  outcomes: Map<string, ScreeningOutcome>;
  directives: Map<string, Set<string>>;
  alerts: Map<string, Set<string>>;
  deadLetters: { service: string; topic: string; count: number; byReason: unknown }[];
}

export interface Delivery {
  deliveryId: string;
  alertId: string;
}

/** An agency's webhook endpoint on loopback: every delivery it gets is added to `deliveries`. */
export async function receiveWebhooks(deliveries: Delivery[]): Promise<{ server: Server; url: string }> {
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      deliveries.push({
        deliveryId: String(request.headers['x-docscreen-delivery']),
        alertId: (JSON.parse(body) as { alertId: string }).alertId,
      });
      response.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return {
    server,
    url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/alerts`,
  };
}

export interface Stack {
  broker: string;
  agency: string;
  carrier: string;
  adminToken: string;
  services: ReadonlyMap<string, RunningService>;
  /** The webhooks the agency's receiver got so far. */
  deliveries: readonly Delivery[];
}

/**
 * Waits until every traveller in `refs` was screened, its directive forwarded and every alert on the
 * agency's topic and delivered (or gives up after a while, and the missing ones count as lost), on
 * the broker as it is now; the dead letters of every service come with it.
 */
export async function followUp(stack: Stack, refs: ReadonlyMap<string, string>): Promise<FollowUp> {
  const brokers = [stack.broker];
  // The whole topic once it holds what is waited for; after a while, as it is (the rest counts as lost).
  const whole = <T>(what: string, read: () => Promise<T[]>, complete: (all: T[]) => boolean) =>
    waitFor(
      what,
      async () => {
        const all = await read();
        return complete(all) ? all : undefined;
      },
      240_000,
      3_000,
    ).catch(() => {
      progress(`gave up waiting for ${what}`);
      return read();
    });
  const every = (wanted: readonly string[], seen: (string | undefined)[]) => {
    const set = new Set(seen);
    return wanted.every((ref) => set.has(ref));
  };
  const screenings = await whole(
    'every acknowledged traveller screened',
    () => readTopic(brokers, TOPICS.SCREENING_COMPLETED, ScreeningCompletedSchema),
    (all) =>
      every(
        [...refs.keys()],
        all.map((e) => e.value.travellerRef),
      ),
  );
  const outcomes = new Map(screenings.map((e) => [e.value.travellerRef, e.value.outcome]));
  const hits = [...refs.keys()].filter((ref) => outcomes.get(ref) === ScreeningOutcome.HIT);
  const onAgencyTopic = await whole(
    'an alert on the agency’s topic for every hit',
    () => readTopic(brokers, agencyAlertTopic(stack.agency), AlertRaisedSchema),
    (all) =>
      every(
        hits,
        all.map((e) => e.value.traveller?.travellerRef),
      ),
  );
  const alerts = group(onAgencyTopic.map((e) => [e.value.traveller?.travellerRef ?? '', e.value.alertId]));
  await waitFor(
    'a webhook delivery of every alert',
    () => {
      const ids = new Set(stack.deliveries.map((d) => d.alertId));
      return hits.every((ref) => [...(alerts.get(ref) ?? [])].every((id) => ids.has(id))) ? true : undefined;
    },
    120_000,
  ).catch(() => progress('gave up waiting for a webhook delivery of every alert'));
  const directives = await whole(
    'a directive on the carrier’s topic for every traveller',
    () => readTopic(brokers, carrierDirectiveTopic(stack.carrier), BoardingDirectiveSchema),
    (all) =>
      every(
        [...refs.keys()],
        all.map((e) => e.value.travellerRef),
      ),
  );
  return {
    screenings: group(screenings.map((e) => [e.value.travellerRef, e.value.screeningId])),
    outcomes,
    directives: group(directives.map((e) => [e.value.travellerRef, e.value.directiveId])),
    alerts,
    deadLetters: await deadLetters(stack),
  };
}

/** Every service's dead letters on the broker as it is now (an answer other than 200 counts as one). */
async function deadLetters(stack: Stack): Promise<FollowUp['deadLetters']> {
  const out: FollowUp['deadLetters'] = [];
  for (const [name, service] of stack.services) {
    const answer = await call(service, 'GET', '/v1/admin/dead-letters', stack.adminToken);
    if (answer.status !== 200) {
      out.push({ service: name, topic: '(unreadable)', count: answer.status, byReason: answer.text });
      continue;
    }
    for (const t of answer.body['topics'] as { topic: string; count: number; byReason: unknown }[])
      if (t.count > 0) out.push({ service: name, topic: t.topic, count: t.count, byReason: t.byReason });
  }
  return out;
}

/** Requests, 503s, refusals and any other answer of these requests. */
export function requestsOf(during: readonly Sent[]) {
  const others = new Set(during.map((s) => s.status).filter((x) => ![202, 503, 'refused'].includes(x)));
  return {
    requests: during.length,
    '503s': during.filter((s) => s.status === 503).length,
    refused: during.filter((s) => s.status === 'refused').length,
    other: [...others].join(' ') || '-',
  };
}

/**
 * One row per phase: what the carrier sent and was told, and what became of what it was told. A
 * traveller is lost when a screening, a directive or — for a hit — an alert on the agency's topic, in
 * its API or a webhook of it is missing; the first missing part of up to ten of them is printed.
 */
export function rowsOf(
  names: readonly string[],
  refs: ReadonlyMap<string, string>,
  seen: FollowUp,
  context: {
    sent: readonly Sent[];
    inApi: Map<string, Set<string>>;
    deliveries: readonly Delivery[];
    recovery: ReadonlyMap<string, number>;
  },
) {
  const { inApi } = context;
  const deliveryIdsOf = group(context.deliveries.map((d) => [d.alertId, d.deliveryId]));
  const alertIdsOf = (ref: string) => [...(seen.alerts.get(ref) ?? [])];
  const missing = (ref: string): string | undefined => {
    if (!seen.screenings.has(ref)) return 'screening';
    if (!seen.directives.has(ref)) return 'directive';
    if (seen.outcomes.get(ref) !== ScreeningOutcome.HIT) return undefined;
    if (!seen.alerts.has(ref)) return 'alert on the agency topic';
    if (!inApi.has(ref)) return 'alert in the agency API';
    return alertIdsOf(ref).some((id) => !deliveryIdsOf.has(id)) ? 'webhook' : undefined;
  };
  const more = (ids: Map<string, Set<string>>, key: string) => (ids.get(key)?.size ?? 0) > 1;
  return names.map((name) => {
    const mine = [...refs].filter(([, p]) => p === name).map(([ref]) => ref);
    const lost = mine.filter((ref) => missing(ref));
    if (lost.length > 0)
      progress(
        `${name}: lost ${lost
          .slice(0, 10)
          .map((ref) => `${ref} (${missing(ref)})`)
          .join(', ')}`,
      );
    const duplicates = mine.filter(
      (ref) =>
        more(seen.screenings, ref) ||
        more(seen.directives, ref) ||
        more(seen.alerts, ref) ||
        more(inApi, ref) ||
        alertIdsOf(ref).some((id) => more(deliveryIdsOf, id)),
    );
    return {
      fault: name,
      ...requestsOf(context.sent.filter((s) => s.phase === name)),
      recoverySeconds: context.recovery.get(name) ?? null,
      acknowledged: mine.length,
      lost: lost.length as number | string,
      duplicateIds: duplicates.length as number | string,
    };
  });
}

/** What every service says about its readiness, the last answers, and each service's last words. */
export async function diagnosis(services: ReadonlyMap<string, RunningService>, sent: readonly Sent[]) {
  const lines = [
    `last answers: ${sent
      .slice(-10)
      .map((s) => s.status)
      .join(' ')}`,
  ];
  for (const [name, service] of services) {
    const ready = await fetch(`${service.baseUrl}/health/ready`)
      .then(async (r) => `${r.status} ${await r.text()}`)
      .catch((e: unknown) => String(e));
    lines.push(`--- ${name}: ${ready.slice(0, 1500)}\n${service.output.join('').slice(-2500)}`);
  }
  return lines.join('\n');
}

/** The agency's alerts in its API (alert-dispatch's database), by traveller. */
export async function agencyAlerts(
  alertDispatch: RunningService,
  agencyToken: string,
): Promise<Map<string, Set<string>>> {
  const all: { alertId: string; traveller: { travellerRef: string } }[] = [];
  let cursor: string | undefined;
  do {
    const page = await call(
      alertDispatch,
      'GET',
      `/v1/alerts?limit=200${cursor ? `&cursor=${cursor}` : ''}`,
      agencyToken,
    );
    all.push(...(page.body['alerts'] as typeof all));
    cursor = page.body['nextCursor'] as string | undefined;
  } while (cursor);
  return group(all.map((a) => [a.traveller.travellerRef, a.alertId]));
}
