/**
 * Validates a call to something in a catalogue: `run: observe`, `run: { action: exec, argv: […] }`,
 * `host: { probe: namespaces, pid: lab }`. The name must exist in the catalogue and the arguments
 * must match its spec; the message lists the known names when the name is wrong.
 */
import { isMap, isScalar } from 'yaml';
import type { Node } from 'yaml';
import { t } from '../i18n/index.js';
import type { ArgSpecs } from './arg-spec.js';
import type { Args } from './types.js';
import { validateArgs } from './validate-args.js';
import type { YamlFile } from './yaml-file.js';

export interface Call {
  name: string;
  args: Args;
  /** Keys the caller handles itself (e.g. `in:` on a container pane), with their nodes. */
  extra: Map<string, Node>;
  line: number;
  column: number;
}

/**
 * `selector` is the key naming the entry (`action`, `probe`, `check`); `kind` names it in messages.
 * `extraKeys` are keys taken out before the arguments are checked.
 */
export function validateCall(
  yaml: YamlFile,
  node: Node,
  selector: string,
  catalogue: Readonly<Record<string, { args: ArgSpecs }>>,
  what: string,
  extraKeys: readonly string[] = [],
): Call | undefined {
  const { line, column } = yaml.position(node);
  const known = Object.keys(catalogue).sort().join(', ');
  const lookup = (name: string, at: Node) => {
    const entry = catalogue[name];
    if (!entry) yaml.report(at, t('lint.call.unknown', { what, kind: selector, name, known }));
    return entry;
  };
  if (isScalar(node)) {
    const name = yaml.text(node, what);
    const entry = name === undefined ? undefined : lookup(name, node);
    if (!entry || name === undefined) return undefined;
    const args = validateArgs(yaml, new Map(), entry.args, t('lint.label.call', { what, kind: selector, name }), node);
    return args && { name, args, extra: new Map(), line, column };
  }
  if (!isMap(node)) {
    yaml.report(node, t('lint.call.shape', { what, kind: selector }));
    return undefined;
  }
  const given = new Map<string, Node>();
  const extra = new Map<string, Node>();
  let nameNode: Node | undefined;
  for (const pair of node.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    const value = (pair.value ?? pair.key) as Node;
    if (key === selector) nameNode = value;
    else if (extraKeys.includes(key)) extra.set(key, value);
    else given.set(key, value);
  }
  if (!nameNode) {
    yaml.report(node, t('lint.call.missing', { what, kind: selector, known }));
    return undefined;
  }
  const name = yaml.text(nameNode, t('lint.label.key', { what, key: selector }));
  const entry = name === undefined ? undefined : lookup(name, nameNode);
  if (!entry || name === undefined) return undefined;
  const args = validateArgs(yaml, given, entry.args, t('lint.label.call', { what, kind: selector, name }), node);
  return args && { name, args, extra, line, column };
}
