import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse, parseAllDocuments } from 'yaml';

// Every service is scraped, in compose and in Kubernetes, under the same `service` label the rules and
// dashboards use; the rules and dashboards are where compose mounts them. (promtool checks the files
// themselves: `npx nx lint prometheus`; tests/observability/dashboards.int-spec.ts runs them.)

const ROOT = path.resolve(import.meta.dirname, '../..');
const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');
const services = readdirSync(path.join(ROOT, 'services'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

interface ScrapeConfig {
  job_name: string;
  static_configs?: { targets: string[]; labels?: Record<string, string> }[];
  relabel_configs?: { source_labels?: string[]; action?: string; regex?: string; target_label?: string }[];
}
interface PrometheusConfig {
  rule_files: string[];
  scrape_configs: ScrapeConfig[];
}
interface ComposeService {
  environment?: Record<string, string | number>;
  volumes?: string[];
}

const compose = parse(read('docker-compose.yml')) as { services: Record<string, ComposeService> };

describe('Prometheus in compose (infra/prometheus/prometheus.yml)', () => {
  const config = parse(read('infra/prometheus/prometheus.yml')) as PrometheusConfig;
  const job = config.scrape_configs.find((c) => c.job_name === 'docscreen')!;

  it.each(services)('scrapes %s on its port, under its own service label', (service) => {
    const port = compose.services[service]?.environment?.['PORT'];
    expect(port).toBeDefined();
    expect(job.static_configs).toContainEqual({ targets: [`${service}:${port}`], labels: { service } });
  });

  it('loads the rules from rules/, which compose mounts beside the configuration', () => {
    expect(config.rule_files).toEqual(['rules/*.yml']);
    expect(compose.services['prometheus']?.volumes).toEqual(
      expect.arrayContaining([
        './infra/prometheus/prometheus.yml:/etc/prometheus/prometheus.yml:ro',
        './infra/prometheus/rules:/etc/prometheus/rules:ro',
      ]),
    );
  });

  it('has the alerts operators were promised (issue 16)', () => {
    const rules = parse(read('infra/prometheus/rules/docscreen.rules.yml')) as {
      groups: { rules: { alert?: string }[] }[];
    };
    const alerts = rules.groups.flatMap((g) => g.rules.flatMap((r) => (r.alert ? [r.alert] : [])));
    expect(alerts).toEqual(
      expect.arrayContaining([
        'DocscreenConsumerLagGrowing',
        'DocscreenDeadLettersIncreasing',
        'DocscreenWebhookDeadLetters',
        'DocscreenSafeDefaultShareHigh',
        'DocscreenIndexNotReady',
        'DocscreenIndexLagging',
        'DocscreenScreeningLatencyHigh',
        'DocscreenCarrierSilent',
      ]),
    );
    // Each alert has a unit test of its own (promtool test rules, `npx nx test prometheus`).
    const tests = readdirSync(path.join(ROOT, 'infra/prometheus/tests'))
      .map((f) => read(path.join('infra/prometheus/tests', f)))
      .join('\n');
    for (const alert of alerts)
      expect({ alert, tested: tests.includes(`alertname: ${alert}`) }).toEqual({ alert, tested: true });
  });
});

describe('Grafana in compose', () => {
  it('provisions the dashboards of infra/grafana/dashboards, the operations one as home', () => {
    const grafana = compose.services['grafana']!;
    expect(grafana.volumes).toContain('./infra/grafana/dashboards:/var/lib/grafana/dashboards:ro');
    const home = String(grafana.environment?.['GF_DASHBOARDS_DEFAULT_HOME_DASHBOARD_PATH']);
    expect(existsSync(path.join(ROOT, 'infra/grafana/dashboards', path.basename(home)))).toBe(true);
    expect(readdirSync(path.join(ROOT, 'infra/grafana/dashboards')).sort()).toEqual([
      'docscreen-agencies.json',
      'docscreen-carriers.json',
      'docscreen-operations.json',
      'docscreen-screening.json',
    ]);
  });
});

describe('Prometheus in Kubernetes (infra/k8s/monitoring)', () => {
  interface Deployment {
    kind: string;
    metadata: { name: string };
    spec: {
      template: {
        metadata: { labels: Record<string, string>; annotations?: Record<string, string> };
        spec: { containers: { ports?: { name: string; containerPort: number }[] }[] };
      };
    };
  }
  const deployments = readdirSync(path.join(ROOT, 'infra/k8s'))
    .filter((f) => f.endsWith('.yaml'))
    .flatMap((f) => parseAllDocuments(read(path.join('infra/k8s', f))).map((d) => d.toJS() as Deployment))
    .filter((m) => m?.kind === 'Deployment');
  const configMap = parse(read('infra/k8s/monitoring/prometheus-config.yaml')) as {
    data: Record<string, string>;
  };
  const config = parse(configMap.data['prometheus.yml']!) as PrometheusConfig;
  const job = config.scrape_configs.find((c) => c.job_name === 'docscreen')!;

  it.each(services)(
    'scrapes the pods of %s: annotated with its HTTP port and /metrics, kept by the job',
    (service) => {
      const deployment = deployments.find((d) => d.metadata.name === service);
      expect(deployment).toBeDefined();
      const { labels, annotations } = deployment!.spec.template.metadata;
      const http = deployment!.spec.template.spec.containers[0]?.ports?.find((p) => p.name === 'http');
      expect(labels).toMatchObject({
        'app.kubernetes.io/name': service,
        'app.kubernetes.io/part-of': 'docscreen',
      });
      expect(annotations).toEqual({
        'prometheus.io/scrape': 'true',
        'prometheus.io/port': String(http?.containerPort),
        'prometheus.io/path': '/metrics',
      });
    },
  );

  it('keeps docscreen pods that ask to be scraped, labels them service=<name>, and loads the rules', () => {
    expect(job.relabel_configs).toEqual(
      expect.arrayContaining([
        {
          source_labels: ['__meta_kubernetes_pod_label_app_kubernetes_io_part_of'],
          action: 'keep',
          regex: 'docscreen',
        },
        {
          source_labels: ['__meta_kubernetes_pod_annotation_prometheus_io_scrape'],
          action: 'keep',
          regex: 'true',
        },
        { source_labels: ['__meta_kubernetes_pod_label_app_kubernetes_io_name'], target_label: 'service' },
      ]),
    );
    expect(config.rule_files).toEqual(['/etc/prometheus/rules/*.yml']);
  });
});
