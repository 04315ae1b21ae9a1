/**
 * The catalogue tables of lessons/README.md, written from the declarations themselves: each
 * action's, probe's and check's summary and argument docs, and what each action declares about
 * itself (what it starts, whether it waits on purpose, which host programs it runs). The README
 * holds them between `<!-- generated: NAME -->` and `<!-- end generated -->`; `npm run catalogue`
 * rewrites them, and a test fails when they differ from the code.
 */
import { PROBES } from '../probes/index.js';
import type { HostNeed } from './actions/action.js';
import type { ActionDef } from './actions/index.js';
import { ACTIONS } from './actions/index.js';
import { describeWhen } from './actions/properties.js';
import type { ArgSpecs } from './arg-spec.js';
import { CHECKS } from './checks/index.js';

/** A table cell: one line, with `|` escaped so it cannot end the cell. */
function cell(text: string): string {
  return text.replace(/\n/g, ' ').replace(/\|/g, '\\|');
}

function argsCell(args: ArgSpecs): string {
  const parts = Object.entries(args).map(
    ([name, def]) => `\`${name}\`${def.default === undefined ? '' : ` (default ${JSON.stringify(def.default)})`}: ${def.doc}`,
  );
  return parts.length ? parts.join('; ') : '—';
}

/** Host needs in words, those with the same condition together: `\`ip\`, \`nsenter\` (op: ping)`. */
function needsCell(needs: readonly HostNeed[]): string {
  const groups = new Map<string, string[]>();
  for (const need of needs) {
    const when = need.when === undefined || need.when === true ? '' : ` (${describeWhen(need.when)})`;
    groups.set(when, [...(groups.get(when) ?? []), need.anyOf.map((p) => `\`${p}\``).join(' or ')]);
  }
  return [...groups].map(([when, programs]) => `${programs.join(', ')}${when}`).join('; ');
}

/** What an action declares, in words: `starts a process; host: \`ip\`, \`nsenter\``. */
function declaresCell(a: ActionDef): string {
  const parts: string[] = [];
  if (a.starts === 'process') parts.push('starts a process (`process.NAME`)');
  if (a.starts === 'container') parts.push('starts the container afresh');
  if (a.waitsOnPurpose !== undefined)
    parts.push(a.waitsOnPurpose === true ? 'waits on purpose' : `waits on purpose (${describeWhen(a.waitsOnPurpose)})`);
  if (a.hostPrograms?.length) parts.push(`host: ${needsCell(a.hostPrograms)}`);
  return parts.length ? parts.join('; ') : '—';
}

/** Whether a run of the action can be undone alone (`u`), in words. */
function undoCell(a: ActionDef): string {
  if (a.undo === 'reads-only') return 'nothing to undo: it only reads';
  if (a.undo === 'restores') return 'restores what it changed';
  return a.undo ? `cannot: ${a.undo.cannot}` : 'cannot (not declared)';
}

function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.map(cell).join(' | ')} |`;
  return [line(header), `|${header.map(() => '---').join('|')}|`, ...rows.map(line)].join('\n');
}

const byName = <T extends { name: string }>(entries: Readonly<Record<string, T>>): T[] =>
  Object.values(entries).sort((a, b) => a.name.localeCompare(b.name));

/** The three tables, by the name their README block carries. */
export function catalogueTables(): Record<'actions' | 'probes' | 'checks', string> {
  return {
    actions: table(
      ['action', 'what it does', 'arguments', 'undo (`u`)', 'declares'],
      byName(ACTIONS).map((a) => [`\`${a.name}\``, a.summary, argsCell(a.args), undoCell(a), declaresCell(a)]),
    ),
    probes: table(
      ['probe', 'what it shows', 'arguments'],
      byName(PROBES).map((p) => [`\`${p.name}\``, p.summary, argsCell(p.args)]),
    ),
    checks: table(
      ['check', 'the right answer', 'arguments'],
      byName(CHECKS).map((c) => [`\`${c.name}\``, c.summary, argsCell(c.args)]),
    ),
  };
}

const BLOCK = /(<!-- generated: (\w+) -->\n)[\s\S]*?(\n<!-- end generated -->)/g;

/** The README with every generated block rewritten from the code (unknown block names are an error). */
export function withCatalogue(readme: string): string {
  const tables: Record<string, string> = catalogueTables();
  return readme.replace(BLOCK, (_, open: string, name: string, close: string) => {
    const body = tables[name];
    if (body === undefined) throw new Error(`lessons/README.md: no generated table is called "${name}".`);
    return `${open}${body}${close}`;
  });
}
