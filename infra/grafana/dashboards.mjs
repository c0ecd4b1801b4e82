// The Grafana dashboards, one per audience, as code: `node infra/grafana/dashboards.mjs` writes
// infra/grafana/dashboards/<uid>.json (what compose provisions), `--check` fails when a JSON file differs
// from what this script makes (`npx nx lint grafana`, part of npm test). Edit here, then run it and
// `npx prettier --write infra/grafana/dashboards`.
//
// Every query is evaluated against a real Prometheus fed by the real services in
// tests/observability/dashboards.int-spec.ts: a panel whose query errors or returns no series fails it.
// Series every replica reports alike (consumer lag, registry counts) are taken with max, not sum.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';

const DATASOURCE = { type: 'prometheus', uid: 'prometheus' };
const RATE = '$__rate_interval';
const RANGE = '$__range';

/** A query variable over one label, "All" by default (matched with =~). */
function variable(name, query) {
  return {
    name,
    label: name,
    type: 'query',
    datasource: DATASOURCE,
    query: { query, refId: name },
    definition: query,
    includeAll: true,
    multi: true,
    allValue: '.*',
    current: { text: 'All', value: '$__all' },
    refresh: 2,
    sort: 1,
  };
}

const target = (expr, legendFormat, refId = 'A', extra = {}) => ({
  refId,
  datasource: DATASOURCE,
  expr,
  legendFormat,
  ...extra,
});

/** Panels are laid out two a row, 12 wide, 8 high, in the order given. */
function panel(type, title, description, targets, { unit = 'short', options = {}, fieldConfig = {} } = {}) {
  return {
    type,
    title,
    description,
    datasource: DATASOURCE,
    fieldConfig: { defaults: { unit, ...fieldConfig }, overrides: [] },
    options,
    targets: targets.map((t, i) => ({ ...t, refId: String.fromCharCode(65 + i) })),
  };
}

const TIMESERIES_OPTIONS = {
  legend: { displayMode: 'list', placement: 'bottom', showLegend: true },
  tooltip: { mode: 'multi', sort: 'desc' },
};
const timeseries = (title, description, targets, unit = 'short') =>
  panel('timeseries', title, description, targets, {
    unit,
    options: TIMESERIES_OPTIONS,
    fieldConfig: { custom: { lineWidth: 1, fillOpacity: 10, showPoints: 'never' } },
  });
const stat = (title, description, targets, unit = 'short') =>
  panel('stat', title, description, targets, {
    unit,
    options: { reduceOptions: { calcs: ['lastNotNull'], fields: '', values: false }, colorMode: 'value' },
  });
const table = (title, description, targets) =>
  panel(
    'table',
    title,
    description,
    targets.map((t) => ({ ...t, format: 'table', instant: true })),
    { options: { showHeader: true } },
  );
const bars = (title, description, targets, unit = 'short') =>
  panel('bargauge', title, description, targets, {
    unit,
    options: {
      orientation: 'horizontal',
      displayMode: 'basic',
      reduceOptions: { calcs: ['lastNotNull'], fields: '', values: false },
    },
  });

const quantile = (q, metric, by, filter = '') =>
  `histogram_quantile(${q}, sum by (${[...by, 'le'].join(', ')}) (rate(${metric}_bucket${filter}[${RATE}])))`;
/** Errors that are rare: 0 (from a series that always exists) rather than "no data" when there are none. */
const orZero = (expr, base) => `(${expr}) or (${base}) * 0`;

function dashboard(uid, title, description, variables, panels) {
  return {
    uid,
    title,
    description,
    tags: ['docscreen'],
    timezone: 'browser',
    schemaVersion: 41,
    version: 1,
    editable: true,
    graphTooltip: 1,
    time: { from: 'now-1h', to: 'now' },
    refresh: '30s',
    templating: { list: variables },
    links: [
      { title: 'docscreen', type: 'dashboards', tags: ['docscreen'], asDropdown: true, includeVars: false },
      {
        title: 'Traces (Jaeger)',
        type: 'link',
        url: '/explore?left=%7B%22datasource%22:%22jaeger%22%7D',
        icon: 'external link',
        targetBlank: false,
      },
    ],
    annotations: { list: [] },
    panels: panels.map((p, i) => ({
      id: i + 1,
      gridPos: { x: (i % 2) * 12, y: Math.floor(i / 2) * 8, w: 12, h: 8 },
      ...p,
    })),
  };
}

const svc = '{service=~"$service"}';
const http5xx = `sum by (service) (rate(http_server_request_duration_count{service=~"$service",http_response_status_code=~"5.."}[${RATE}]))`;
const httpAll = `sum by (service) (rate(http_server_request_duration_count${svc}[${RATE}]))`;

const operations = dashboard(
  'docscreen-operations',
  'docscreen — operations',
  'Throughput, latency, consumer lag, errors, dead letters and the processes themselves, for whoever keeps docscreen running. Alert rules: infra/prometheus/rules.',
  [variable('service', 'label_values(up{job="docscreen"}, service)')],
  [
    timeseries(
      'Travellers through the pipeline',
      'Accepted at the gateway (manifests and interactive queries), decided by screening, alert copies routed to agencies: per second.',
      [
        target(`sum(rate(docscreen_gateway_travellers_accepted_total[${RATE}]))`, 'accepted (gateway)'),
        target(`sum(rate(docscreen_screening_travellers_total[${RATE}]))`, 'decided (screening)'),
        target(`sum(rate(docscreen_dispatch_alerts_total[${RATE}]))`, 'alert copies routed (alert-dispatch)'),
      ],
      'ops',
    ),
    timeseries(
      'HTTP requests by status',
      'Requests served per second, by service and status (/health and /metrics are not counted).',
      [
        target(
          `sum by (service, http_response_status_code) (rate(http_server_request_duration_count${svc}[${RATE}]))`,
          '{{service}} {{http_response_status_code}}',
        ),
      ],
      'reqps',
    ),
    timeseries(
      'Latency',
      'HTTP p95 per service; p99 from a traveller being reported to its decision; p99 of interactive answers from arrival.',
      [
        target(quantile(0.95, 'http_server_request_duration', ['service'], svc), 'HTTP p95 {{service}}'),
        target(quantile(0.99, 'docscreen_screening_decision_latency_seconds', []), 'reported → decided p99'),
        target(quantile(0.99, 'docscreen_gateway_interactive_latency_seconds', []), 'interactive p99'),
      ],
      's',
    ),
    timeseries(
      'HTTP 5xx share',
      'Share of requests answered 5xx, by service (503 with Retry-After while a dependency is down).',
      [target(`${orZero(http5xx, httpAll)} / ${httpAll}`, '{{service}}')],
      'percentunit',
    ),
    timeseries(
      'Consumer lag',
      'Messages not yet committed, by consumer group and topic (max over replicas, summed over partitions). Alert: DocscreenConsumerLagGrowing.',
      [
        target(
          'sum by (group, topic) (max by (group, topic, partition) (docscreen_consumer_lag))',
          '{{group}} on {{topic}}',
        ),
      ],
    ),
    timeseries(
      'Dead letters',
      'Events sent to a dead-letter topic, by group, topic and reason (`docscreen dlq list`). Alert: DocscreenDeadLettersIncreasing.',
      [
        target(
          `sum by (group, topic, reason) (increase(docscreen_consumer_dead_letters_total[${RATE}]))`,
          '{{group}} {{topic}} {{reason}}',
        ),
      ],
    ),
    timeseries(
      'Background task failures',
      'Failed runs of background work (set-up, relays, polls, metrics counts), each logged and retried, by service and task.',
      [
        target(
          `sum by (service, task) (increase(docscreen_background_failures_total${svc}[${RATE}]))`,
          '{{service}} {{task}}',
        ),
      ],
    ),
    timeseries(
      'Registry outbox',
      'Changes committed but not yet on the registry topic, and the age of the oldest (max over replicas).',
      [
        target('max(docscreen_registry_outbox_pending)', 'pending events'),
        target('max(docscreen_registry_relay_lag_seconds)', 'oldest pending (s)'),
      ],
    ),
    timeseries(
      'Event-loop delay p99',
      'How late the event loop ran timers, per process (nodejs.eventloop.delay.p99).',
      [target(`max by (service, instance) (nodejs_eventloop_delay_p99${svc})`, '{{service}} {{instance}}')],
      's',
    ),
    timeseries(
      'Event-loop utilisation',
      'Share of time the event loop was busy, per process.',
      [target(`max by (service, instance) (nodejs_eventloop_utilization${svc})`, '{{service}} {{instance}}')],
      'percentunit',
    ),
    timeseries(
      'Heap used',
      'V8 heap in use, all spaces, per process.',
      [target(`sum by (service, instance) (v8js_memory_heap_used${svc})`, '{{service}} {{instance}}')],
      'bytes',
    ),
    timeseries(
      'Time in GC',
      'Seconds of garbage collection per second, by service and kind.',
      [
        target(
          `sum by (service, v8js_gc_type) (rate(v8js_gc_duration_sum${svc}[${RATE}]))`,
          '{{service}} {{v8js_gc_type}}',
        ),
      ],
      'percentunit',
    ),
    stat('Services up', 'Services that answered their last scrape.', [
      target(`sum(up{job="docscreen",service=~"$service"})`, 'up'),
    ]),
    stat(
      'Lost/stolen indexes ready',
      'Screening replicas whose lost/stolen index is ready (caught up with the registry), of all replicas. Alert: DocscreenIndexNotReady.',
      [
        target('sum(docscreen_screening_index_ready)', 'ready'),
        target('count(docscreen_screening_index_ready)', 'replicas'),
      ],
    ),
  ],
);

const screening = dashboard(
  'docscreen-screening',
  'docscreen — screening',
  'What screening decides and with what: outcomes, hits by rule, latency, the lost/stolen index, the versions in force, and the registry behind them.',
  [variable('instance', 'label_values(docscreen_screening_index_ready, instance)')],
  [
    timeseries(
      'Travellers by outcome',
      'Travellers decided per second, by outcome (each once, whatever delivered it).',
      [target(`sum by (outcome) (rate(docscreen_screening_travellers_total[${RATE}]))`, '{{outcome}}')],
      'ops',
    ),
    stat(
      'Hits and inconclusive, share',
      'Share of decided travellers with a hit, and inconclusive (no reference data, an index not ready), over the time range.',
      [
        target(
          `sum(increase(docscreen_screening_travellers_total{outcome="hit"}[${RANGE}])) / sum(increase(docscreen_screening_travellers_total[${RANGE}]))`,
          'hit',
        ),
        target(
          `sum(increase(docscreen_screening_travellers_total{outcome="inconclusive"}[${RANGE}])) / sum(increase(docscreen_screening_travellers_total[${RANGE}]))`,
          'inconclusive',
        ),
      ],
      'percentunit',
    ),
    bars(
      'Findings by rule and severity',
      'Findings that call for action over the time range, by rule (or finding code) and severity.',
      [
        target(
          `sort_desc(sum by (rule, severity) (increase(docscreen_screening_findings_total[${RANGE}])))`,
          '{{rule}} ({{severity}})',
        ),
      ],
    ),
    timeseries(
      'Findings by check',
      'Findings per second, by check and recommended action.',
      [
        target(
          `sum by (check, action) (rate(docscreen_screening_findings_total[${RATE}]))`,
          '{{check}} → {{action}}',
        ),
      ],
      'ops',
    ),
    timeseries(
      'Reported → decided',
      'From the traveller’s PassengerReported (its own time) to the decision: p50, p90, p99.',
      [
        target(quantile(0.5, 'docscreen_screening_decision_latency_seconds', []), 'p50'),
        target(quantile(0.9, 'docscreen_screening_decision_latency_seconds', []), 'p90'),
        target(quantile(0.99, 'docscreen_screening_decision_latency_seconds', []), 'p99'),
      ],
      's',
    ),
    timeseries(
      'Batch size',
      'Travellers screened together, on average and p90, by path (a partition’s consecutive events, or an interactive query).',
      [
        target(
          `sum by (path) (rate(docscreen_screening_batch_size_sum[${RATE}])) / sum by (path) (rate(docscreen_screening_batch_size_count[${RATE}]))`,
          'mean {{path}}',
        ),
        target(quantile(0.9, 'docscreen_screening_batch_size', ['path']), 'p90 {{path}}'),
      ],
    ),
    table(
      'Versions in force',
      'Rule set and visa matrix each replica screens with; two rows for one replica mean a switch, two versions at once across replicas a switch not yet everywhere.',
      [
        target(
          'max by (instance, rule_set_version, visa_matrix_version) (docscreen_screening_reference_data_info{instance=~"$instance"})',
          '',
        ),
      ],
    ),
    timeseries('Lost/stolen index', 'Records and blank series in each replica’s index.', [
      target(
        'max by (instance) (docscreen_screening_index_records{instance=~"$instance"})',
        'records {{instance}}',
      ),
      target(
        'max by (instance) (docscreen_screening_index_series{instance=~"$instance"})',
        'series {{instance}}',
      ),
    ]),
    timeseries(
      'Index behind the registry topic',
      'Registry events each replica has not applied yet. Alert: DocscreenIndexLagging.',
      [target('max by (instance) (docscreen_screening_index_lag{instance=~"$instance"})', '{{instance}}')],
    ),
    timeseries(
      'Index memory and readiness',
      'Bytes each index holds; 1 when ready (caught up with the registry, not behind its watermark).',
      [
        target(
          'max by (instance) (docscreen_screening_index_bytes{instance=~"$instance"})',
          'bytes {{instance}}',
        ),
        target(
          'max by (instance) (docscreen_screening_index_ready{instance=~"$instance"})',
          'ready {{instance}}',
        ),
      ],
    ),
    bars(
      'Registry: listed documents by state and status',
      'Documents the registry lists (not withdrawn), by issuing state and status (counted every RECORD_COUNTS_MS).',
      [
        target(
          'sort_desc(max by (issuing_state, status) (docscreen_registry_records))',
          '{{issuing_state}} {{status}}',
        ),
      ],
    ),
    bars(
      'Registry: blank series by state and status',
      'Stolen blank series the registry lists, by issuing state and status.',
      [
        target(
          'sort_desc(max by (issuing_state, status) (docscreen_registry_blank_series))',
          '{{issuing_state}} {{status}}',
        ),
      ],
    ),
    timeseries(
      'Registry: import lines/s and relay',
      'Bulk-import lines applied per second by result; events the outbox relay published per second.',
      [
        target(`sum by (result) (rate(docscreen_registry_import_lines_total[${RATE}]))`, 'import {{result}}'),
        target(`sum(rate(docscreen_registry_outbox_published_total[${RATE}]))`, 'relay published'),
      ],
      'ops',
    ),
  ],
);

const agencies = dashboard(
  'docscreen-agencies',
  'docscreen — agencies',
  'Alerts each border agency gets, how fast they are acknowledged, and the health of their webhooks.',
  [variable('agency', 'label_values(docscreen_dispatch_alerts_total, agency)')],
  [
    bars(
      'Alerts by agency and severity',
      'Alert copies routed over the time range, by agency and severity.',
      [
        target(
          `sort_desc(sum by (agency, severity) (increase(docscreen_dispatch_alerts_total{agency=~"$agency"}[${RANGE}])))`,
          '{{agency}} {{severity}}',
        ),
      ],
    ),
    timeseries(
      'Alerts routed',
      'Alert copies per second, by agency and routing: responsible agency, or the fallback desk because no agency was responsible.',
      [
        target(
          `sum by (agency, routing) (rate(docscreen_dispatch_alerts_total{agency=~"$agency"}[${RATE}]))`,
          '{{agency}} ({{routing}})',
        ),
      ],
      'ops',
    ),
    stat(
      'Alerts nobody may receive',
      'Alerts dead-lettered with reason no-agency (no responsible agency and no fallback desk) over the time range: register a fallback agency, then re-drive them.',
      [
        target(
          orZero(
            `sum(increase(docscreen_consumer_dead_letters_total{reason="no-agency"}[${RANGE}]))`,
            `sum(increase(docscreen_dispatch_alerts_total[${RANGE}]))`,
          ),
          'no-agency',
        ),
      ],
    ),
    timeseries('Open alerts', 'Alerts an agency has not resolved yet, by status.', [
      target(
        'max by (agency, status) (docscreen_dispatch_open_alerts{agency=~"$agency"})',
        '{{agency}} {{status}}',
      ),
    ]),
    timeseries(
      'Time to acknowledge',
      'From the alert being raised to the agency acknowledging it: p50 and p90 by agency.',
      [
        target(
          quantile(0.5, 'docscreen_dispatch_time_to_acknowledge_seconds', ['agency'], '{agency=~"$agency"}'),
          'p50 {{agency}}',
        ),
        target(
          quantile(0.9, 'docscreen_dispatch_time_to_acknowledge_seconds', ['agency'], '{agency=~"$agency"}'),
          'p90 {{agency}}',
        ),
      ],
      's',
    ),
    timeseries(
      'Webhook outcomes',
      'Webhook outcomes per second, by agency and result: delivered, attempt failed (retried), dead-lettered.',
      [
        target(
          `sum by (agency, result) (rate(docscreen_dispatch_webhook_deliveries_total{agency=~"$agency"}[${RATE}]))`,
          '{{agency}} {{result}}',
        ),
      ],
      'ops',
    ),
    bars(
      'Webhook dead letters',
      'Deliveries that ran out of attempts over the time range, by agency (GET /v1/admin/webhooks/dead-letters). Alert: DocscreenWebhookDeadLetters.',
      [
        target(
          orZero(
            `sum by (agency) (increase(docscreen_dispatch_webhook_deliveries_total{result="dead-lettered",agency=~"$agency"}[${RANGE}]))`,
            `sum by (agency) (increase(docscreen_dispatch_webhook_deliveries_total{agency=~"$agency"}[${RANGE}]))`,
          ),
          '{{agency}}',
        ),
      ],
    ),
    timeseries('Webhook attempts', 'Attempts a delivery took, on average, by agency and result.', [
      target(
        `sum by (agency, result) (rate(docscreen_dispatch_webhook_attempts_sum{agency=~"$agency"}[${RATE}])) / sum by (agency, result) (rate(docscreen_dispatch_webhook_attempts_count{agency=~"$agency"}[${RATE}]))`,
        '{{agency}} {{result}}',
      ),
    ]),
    timeseries(
      'Webhook queue',
      'Deliveries in the queue by state (max over replicas: they share one queue).',
      [target('max by (state) (docscreen_dispatch_webhook_queue)', '{{state}}')],
    ),
  ],
);

const carriers = dashboard(
  'docscreen-carriers',
  'docscreen — carriers',
  'What each airline sends and gets back: submissions and their results, defects, lateness, and interactive answers.',
  [variable('carrier', 'label_values(docscreen_gateway_manifests_total, carrier)')],
  [
    timeseries(
      'Manifests by result',
      'POST /v1/manifests answers per second, by carrier and result. Alert: DocscreenCarrierSilent.',
      [
        target(
          `sum by (carrier, result) (rate(docscreen_gateway_manifests_total{carrier=~"$carrier"}[${RATE}]))`,
          '{{carrier}} {{result}}',
        ),
      ],
      'ops',
    ),
    bars('Manifests over the range', 'Manifests over the time range, by carrier and format.', [
      target(
        `sort_desc(sum by (carrier, format) (increase(docscreen_gateway_manifests_total{carrier=~"$carrier"}[${RANGE}])))`,
        '{{carrier}} {{format}}',
      ),
    ]),
    timeseries(
      'Travellers accepted and rejected',
      'Travellers per second, by carrier: accepted, and rejected (could not be read) by reason.',
      [
        target(
          `sum by (carrier) (rate(docscreen_gateway_travellers_accepted_total{carrier=~"$carrier"}[${RATE}]))`,
          'accepted {{carrier}}',
        ),
        target(
          `sum by (carrier, reason) (rate(docscreen_gateway_travellers_rejected_total{carrier=~"$carrier"}[${RATE}]))`,
          'rejected {{carrier}} {{reason}}',
        ),
      ],
      'ops',
    ),
    bars(
      'Rejections by reason',
      'Travellers rejected over the time range, by reason (PAXLST defect code, JSON field, over a limit).',
      [
        target(
          `sort_desc(sum by (reason) (increase(docscreen_gateway_travellers_rejected_total{carrier=~"$carrier"}[${RANGE}])))`,
          '{{reason}}',
        ),
      ],
    ),
    bars(
      'PAXLST defects by code',
      'Defects found in PAXLST messages over the time range, by code and severity (all carriers).',
      [
        target(
          `sort_desc(sum by (code, severity) (increase(docscreen_gateway_paxlst_defects_total[${RANGE}])))`,
          '{{code}} ({{severity}})',
        ),
      ],
    ),
    timeseries(
      'Lead time before departure',
      'How long before the first scheduled departure messages were accepted: p10 and p50 by carrier (departure clock read as UTC).',
      [
        target(
          quantile(0.1, 'docscreen_gateway_manifest_lead_time_seconds', ['carrier'], '{carrier=~"$carrier"}'),
          'p10 {{carrier}}',
        ),
        target(
          quantile(0.5, 'docscreen_gateway_manifest_lead_time_seconds', ['carrier'], '{carrier=~"$carrier"}'),
          'p50 {{carrier}}',
        ),
      ],
      's',
    ),
    bars(
      'Late messages',
      'Messages accepted after their first scheduled departure over the time range, by carrier.',
      [
        target(
          orZero(
            `sum by (carrier) (increase(docscreen_gateway_manifest_lateness_seconds_count{carrier=~"$carrier"}[${RANGE}]))`,
            `sum by (carrier) (increase(docscreen_gateway_manifest_lead_time_seconds_count{carrier=~"$carrier"}[${RANGE}]))`,
          ),
          '{{carrier}}',
        ),
      ],
    ),
    timeseries(
      'Interactive answers',
      'Travellers answered per second by POST /v1/interactive, by directive and who answered (screening, safe default, shed).',
      [
        target(
          `sum by (answered_by, directive) (rate(docscreen_gateway_interactive_answers_total[${RATE}]))`,
          '{{directive}} ({{answered_by}})',
        ),
      ],
      'ops',
    ),
    timeseries(
      'Interactive latency',
      'From a query reaching the gateway to its answer: p50 and p99 by who answered.',
      [
        target(
          quantile(0.5, 'docscreen_gateway_interactive_latency_seconds', ['answered_by']),
          'p50 {{answered_by}}',
        ),
        target(
          quantile(0.99, 'docscreen_gateway_interactive_latency_seconds', ['answered_by']),
          'p99 {{answered_by}}',
        ),
      ],
      's',
    ),
    stat(
      'Safe-default share',
      'Interactive queries not answered by screening (safe default or shed) over the time range. Alert: DocscreenSafeDefaultShareHigh (5%).',
      [
        target(
          `${orZero(
            `sum(increase(docscreen_gateway_interactive_latency_seconds_count{answered_by!="screening"}[${RANGE}]))`,
            `sum(increase(docscreen_gateway_interactive_latency_seconds_count[${RANGE}]))`,
          )} / sum(increase(docscreen_gateway_interactive_latency_seconds_count[${RANGE}]))`,
          'safe default or shed',
        ),
      ],
      'percentunit',
    ),
  ],
);

export const DASHBOARDS = [operations, screening, agencies, carriers];

const dir = path.join(import.meta.dirname, 'dashboards');
const fileOf = (d) => path.join(dir, `${d.uid}.json`);

if (process.argv[1] === import.meta.filename) {
  if (process.argv.includes('--check')) {
    const stale = DASHBOARDS.filter((d) => {
      try {
        return !isDeepStrictEqual(JSON.parse(readFileSync(fileOf(d), 'utf8')), d);
      } catch {
        return true;
      }
    });
    for (const d of stale)
      console.error(`${path.relative(process.cwd(), fileOf(d))} differs from infra/grafana/dashboards.mjs`);
    if (stale.length > 0)
      console.error(
        'run: node infra/grafana/dashboards.mjs && npx prettier --write infra/grafana/dashboards',
      );
    else console.log(`${DASHBOARDS.length} dashboards as infra/grafana/dashboards.mjs makes them`);
    process.exit(stale.length > 0 ? 1 : 0);
  }
  for (const d of DASHBOARDS) writeFileSync(fileOf(d), `${JSON.stringify(d, null, 2)}\n`);
  console.log(`wrote ${DASHBOARDS.map((d) => path.relative(process.cwd(), fileOf(d))).join(', ')}`);
}
