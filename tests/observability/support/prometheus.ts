import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort, waitFor } from '@docscreen/testing';

/** What Prometheus's HTTP API answers for a query. */
export interface QueryAnswer {
  status: 'success' | 'error';
  error?: string;
  data?: { resultType: string; result: { metric: Record<string, string>; value?: [number, string] }[] };
}

export interface TestPrometheus {
  url: string;
  /** An instant query through /api/v1/query; an HTTP or PromQL error comes back as `status: 'error'`. */
  query(expr: string): Promise<QueryAnswer>;
  /** The values of `label` on the series of `match` (a Grafana `label_values(match, label)` variable). */
  labelValues(match: string, label: string): Promise<string[]>;
  stop(): Promise<void>;
}

/**
 * Runs the machine's Prometheus (Debian's `prometheus` package; `.ci/run` installs it) on a free port
 * with a throwaway data folder, scraping `targets` every `scrapeIntervalSeconds` under job `docscreen`
 * with a `service` label, as compose does (infra/prometheus/prometheus.yml), and evaluating `ruleFiles`.
 * Listed for the Jest run's tear-down like a service process, so a failed test never leaves it running.
 */
export async function startPrometheus(options: {
  targets: { service: string; port: number }[];
  ruleFiles: string[];
  scrapeIntervalSeconds?: number;
}): Promise<TestPrometheus> {
  const dir = await mkdtemp(path.join(tmpdir(), 'docscreen-test-prometheus-'));
  const interval = `${options.scrapeIntervalSeconds ?? 1}s`;
  const config = {
    global: { scrape_interval: interval, evaluation_interval: interval },
    rule_files: options.ruleFiles,
    scrape_configs: [
      {
        job_name: 'docscreen',
        metrics_path: '/metrics',
        static_configs: options.targets.map(({ service, port }) => ({
          targets: [`127.0.0.1:${port}`],
          labels: { service },
        })),
      },
    ],
  };
  // JSON is YAML: no YAML writer needed.
  await writeFile(path.join(dir, 'prometheus.yml'), JSON.stringify(config, null, 2));
  const port = await freePort();
  const output: string[] = [];
  const child: ChildProcess = spawn(
    'prometheus',
    [
      `--config.file=${path.join(dir, 'prometheus.yml')}`,
      `--storage.tsdb.path=${path.join(dir, 'data')}`,
      `--web.listen-address=127.0.0.1:${port}`,
      '--storage.tsdb.retention.time=1h',
      '--log.level=warn',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const spawned = new Promise<void>((resolve, reject) => {
    child.once('spawn', resolve);
    child.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'ENOENT'
          ? new Error('prometheus is not installed: apt-get install -y prometheus (see .ci/run)')
          : error,
      ),
    );
  });
  await spawned;
  const processList = process.env['DOCSCREEN_TEST_PROCESSES'];
  const listed = processList && child.pid ? path.join(processList, String(child.pid)) : undefined;
  if (listed) writeFileSync(listed, 'prometheus');
  for (const stream of [child.stdout, child.stderr])
    stream?.on('data', (c: Buffer) => output.push(c.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitFor(
      'prometheus to be ready',
      async () => {
        if (child.exitCode !== null) throw new Error(`prometheus exited: ${output.join('')}`);
        const ready = await fetch(`${url}/-/ready`).catch(() => undefined);
        return ready?.ok ? true : undefined;
      },
      30_000,
    );
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }

  const api = async (pathAndQuery: string): Promise<QueryAnswer> => {
    const response = await fetch(`${url}${pathAndQuery}`);
    return (await response.json()) as QueryAnswer;
  };
  return {
    url,
    query: (expr) => api(`/api/v1/query?query=${encodeURIComponent(expr)}`),
    labelValues: async (match, label) => {
      const answer = (await api(
        `/api/v1/label/${encodeURIComponent(label)}/values?match[]=${encodeURIComponent(match)}`,
      )) as unknown as { data?: string[] };
      return answer.data ?? [];
    },
    stop: async () => {
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
      if (listed) rmSync(listed, { force: true });
      await rm(dir, { recursive: true, force: true });
    },
  };
}
