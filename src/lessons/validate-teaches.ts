/**
 * `teaches:` on a step: the pane columns, rows and notes, output lines and primitives its text
 * points at, which the layout keeps whole on screen. Checked against what the step's panes really
 * have: a column must be one its probe draws. And a text that says "the PPID column" must be
 * about a column one of the step's panes has, declared in `teaches:` so it stays on screen.
 */
import { isScalar } from 'yaml';
import type { Node } from 'yaml';
import { t } from '../i18n/index.js';
import { PROBES } from '../probes/index.js';
import type { PaneFacts, Problem, Step, Teaches, ViewSpec } from './types.js';
import type { YamlFile } from './yaml-file.js';

const PANES = ['host', 'container'] as const;

export function validateTeaches(
  yaml: YamlFile,
  node: Node,
  what: string,
  panes: { host?: ViewSpec; container?: ViewSpec },
): Teaches | undefined {
  const map = yaml.map(node, what);
  if (!map) return undefined;
  const keys = yaml.entries(map, what, ['host', 'container', 'both', 'output', 'ran']);
  if (keys.has('both') && (keys.has('host') || keys.has('container'))) yaml.report(keys.get('both'), t('lint.step.both-forms', { what }));
  const facts = (side: 'host' | 'container') => {
    const key = keys.has(side) ? side : keys.has('both') ? 'both' : undefined;
    return key && paneFacts(yaml, keys.get(key)!, t('lint.label.key', { what, key }), panes[side], side);
  };
  const host = facts('host');
  // `both:` with the same probe on both panes is checked once.
  const container =
    keys.has('both') && !keys.has('container') && host && panes.host?.probe === panes.container?.probe ? host : facts('container');
  let output: Teaches['output'];
  if (keys.has('output')) {
    const value = yaml.text(keys.get('output'), t('lint.label.key', { what, key: 'output' }));
    if (value === 'all' || value === 'first' || value === 'last') output = value;
    else if (value !== undefined) yaml.report(keys.get('output'), t('lint.teaches.output', { what, value }));
  }
  const ran = keys.has('ran') ? yaml.textList(keys.get('ran'), t('lint.label.key', { what, key: 'ran' })) : [];
  return { ...(host ? { host } : {}), ...(container ? { container } : {}), ...(output ? { output } : {}), ran: ran ?? [] };
}

/** One pane's facts, without what the pane does not have (each such name is reported); null without a pane. */
function paneFacts(yaml: YamlFile, node: Node, what: string, view: ViewSpec | undefined, side: string): PaneFacts | null {
  if (!view) {
    yaml.report(node, t('lint.teaches.no-pane', { what, side }));
    return null;
  }
  const map = yaml.map(node, what);
  if (!map) return null;
  const keys = yaml.entries(map, what, ['columns', 'rows', 'note', 'title']);
  const probe = PROBES[view.probe]!;
  const columns = keys.has('columns') ? (yaml.textList(keys.get('columns'), t('lint.label.key', { what, key: 'columns' })) ?? []) : [];
  const known = columns.filter((name) => {
    if (!probe.columns) {
      yaml.report(keys.get('columns'), t('lint.teaches.no-columns', { what, probe: view.probe, name }));
      return false;
    }
    if (!probe.columns.includes(name) && !probe.moreColumns) {
      yaml.report(keys.get('columns'), t('lint.teaches.no-column', { what, probe: view.probe, name, columns: probe.columns.join(', ') }));
      return false;
    }
    return true;
  });
  let rows: PaneFacts['rows'] = [];
  const rowsNode = keys.get('rows');
  if (rowsNode && isScalar(rowsNode) && rowsNode.value === 'all') rows = 'all';
  else if (rowsNode) rows = yaml.textList(rowsNode, t('lint.label.rows', { what })) ?? [];
  const flag = (key: string): boolean => {
    const n = keys.get(key);
    if (n && !(isScalar(n) && typeof n.value === 'boolean')) yaml.report(n, t('lint.teaches.flag', { what, key }));
    return isScalar(n) && n.value === true;
  };
  return { columns: known, rows, note: flag('note'), title: flag('title') };
}

/** Every column name a probe draws, longest first, to find "the <name> column" in a text. */
const KNOWN_COLUMNS = [...new Set(Object.values(PROBES).flatMap((p) => p.columns ?? []))].sort((a, b) => b.length - a.length);

/**
 * Problems with the columns a step's text names ("read the PPID column", "the `upper` column"):
 * each must be a column of one of its panes, and declared in `teaches:`.
 */
export function textColumnProblems(step: Step, file: string, line: number): Problem[] {
  const problems: Problem[] = [];
  const report = (message: string) => problems.push({ file, line, column: 1, message: t('lint.prose.in-step', { id: step.id, message }) });
  const panes = PANES.flatMap((side) => (step[side] ? [{ side, view: step[side]!, facts: step.teaches?.[side] }] : []));
  for (const text of [step.text, step.ranText ?? '']) {
    for (const name of columnsNamed(text)) {
      const having = panes.filter(
        ({ view }) =>
          PROBES[view.probe]?.columns?.includes(name) ||
          (PROBES[view.probe]?.moreColumns && !KNOWN_COLUMNS.some((k) => k.toLowerCase() === name.toLowerCase())),
      );
      if (having.length === 0) {
        const list = panes
          .map(({ side, view }) =>
            t('lint.teaches.pane-columns', { side, probe: view.probe, columns: PROBES[view.probe]?.columns?.join(', ') ?? 'none' }),
          )
          .join(t('lint.teaches.pane-separator'));
        report(t('lint.teaches.unknown-column', { name, panes: list || 'none' }));
      } else if (!having.some(({ facts }) => facts?.columns.includes(name))) {
        const example = `teaches: { ${having[0]!.side}: { columns: [${name}] } }`;
        report(t('lint.teaches.declare-column', { name, example }));
      }
    }
  }
  return problems;
}

/** The column names a text points at: "the X column" where X is a known column or written as `X`. */
function columnsNamed(text: string): string[] {
  const names: string[] = [];
  for (const m of text.matchAll(/\bcolumn\b/gi)) {
    const before = text.slice(Math.max(0, m.index - 40), m.index).replace(/\s+$/, '');
    const quoted = before.match(/`([^`]+)`$/)?.[1];
    const known = KNOWN_COLUMNS.find((c) => new RegExp(`(^|[^\\w])${c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'i').test(before));
    const name = quoted ?? known;
    if (name !== undefined) names.push(KNOWN_COLUMNS.find((c) => c.toLowerCase() === name.toLowerCase()) ?? name);
  }
  return [...new Set(names)];
}
