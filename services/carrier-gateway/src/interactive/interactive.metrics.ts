import { performance } from 'node:perf_hooks';
import { metrics } from '@opentelemetry/api';
import type { InteractiveAnswer } from './interactive-answer.js';
import type { Directive } from './screening-client.js';

// The interactive API's answers in figures (services/carrier-gateway/README.md, "Metrics"); shed queries
// are also counted by reason in docscreen.gateway.shed (admission-control.ts).

const meter = metrics.getMeter('carrier-gateway');

const ANSWERED_BY: readonly InteractiveAnswer['answeredBy'][] = ['screening', 'safe-default', 'shed'];
const DIRECTIVES: readonly Directive[] = ['board', 'do-not-board', 'contact-authority'];
const FORMATS = ['json', 'paxlst'] as const;

const ANSWERS = meter.createCounter('docscreen.gateway.interactive.answers', {
  description:
    'Travellers answered by POST /v1/interactive, by directive, by who answered (screening, safe default, shed) and format',
});
const LATENCY = meter.createHistogram('docscreen.gateway.interactive.latency_seconds', {
  description:
    'Time from a query reaching the server to its answer, by who answered and format (count: queries answered)',
  unit: 's',
  advice: { explicitBucketBoundaries: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 1.5, 2, 2.5, 5, 10] },
});

// Every combination starts at 0, so a share (safe defaults of all answers) has its series from the start.
for (const answeredBy of ANSWERED_BY)
  for (const format of FORMATS)
    for (const directive of DIRECTIVES) ANSWERS.add(0, { answered_by: answeredBy, directive, format });

/** One query answered: each traveller's directive, and the time since the query arrived (arrival-time.ts). */
export function recordInteractiveAnswer(answer: InteractiveAnswer, format: string, arrivedAt: number): void {
  const labels = { answered_by: answer.answeredBy, format };
  LATENCY.record((performance.now() - arrivedAt) / 1_000, labels);
  for (const { directive } of answer.directives) ANSWERS.add(1, { ...labels, directive });
}
