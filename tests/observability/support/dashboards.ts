import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

interface Target {
  refId: string;
  expr?: string;
}
interface Panel {
  title: string;
  type: string;
  targets?: Target[];
  panels?: Panel[];
}
interface Variable {
  name: string;
  type: string;
  query?: { query: string } | string;
  includeAll?: boolean;
  allValue?: string;
}
export interface Dashboard {
  file: string;
  title: string;
  panels: Panel[];
  templating: { list: Variable[] };
}

/** One query of one panel, with Grafana's variables replaced as the dashboard's "All" would. */
export interface PanelQuery {
  dashboard: string;
  panel: string;
  refId: string;
  expr: string;
}

/** Grafana's built-in intervals, as a scrape every second and a test of a few minutes make them. */
export const BUILT_INS: Record<string, string> = {
  __rate_interval: '1m',
  __interval: '15s',
  __range: '15m',
};

export function readDashboards(dir: string): Dashboard[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => ({
      file,
      ...(JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as Omit<Dashboard, 'file'>),
    }));
}

/** The `label_values(match, label)` of a query variable. */
export function variableQuery(variable: Variable): { match: string; label: string } | undefined {
  const text = typeof variable.query === 'string' ? variable.query : variable.query?.query;
  const parsed = /^label_values\((.+),\s*([a-zA-Z_][a-zA-Z0-9_]*)\)$/.exec(text ?? '');
  return parsed ? { match: parsed[1]!, label: parsed[2]! } : undefined;
}

/**
 * Every query of every panel (rows' panels included). A dashboard variable becomes its "All" value
 * (`allValue`, matched with =~); a variable without one, or any `$name` left over, fails here rather
 * than reaching Prometheus as text it would mis-read.
 */
export function panelQueries(dashboard: Dashboard): PanelQuery[] {
  const values: Record<string, string> = { ...BUILT_INS };
  for (const variable of dashboard.templating.list) {
    if (!variable.includeAll || variable.allValue === undefined)
      throw new Error(`${dashboard.file}: variable ${variable.name} has no "All" value to test with`);
    values[variable.name] = variable.allValue;
  }
  const substitute = (expr: string, where: string) =>
    expr.replace(/\$\{?(\w+)\}?/g, (_, name: string) => {
      const value = values[name];
      if (value === undefined) throw new Error(`${where}: unknown variable $${name}`);
      return value;
    });
  const flat = (panels: Panel[]): Panel[] => panels.flatMap((p) => [p, ...flat(p.panels ?? [])]);
  return flat(dashboard.panels).flatMap((panel) =>
    (panel.targets ?? [])
      .filter((t) => t.expr)
      .map((t) => ({
        dashboard: dashboard.title,
        panel: panel.title,
        refId: t.refId,
        expr: substitute(t.expr!, `${dashboard.file} "${panel.title}" ${t.refId}`),
      })),
  );
}
