/**
 * Checks the arguments written in a lesson against an action's, probe's or check's {@link ArgSpecs}.
 */
import { isScalar } from 'yaml';
import type { Node } from 'yaml';
import { t } from '../i18n/index.js';
import { describeType, isInnerPath, isName, isPidRef } from './arg-spec.js';
import type { ArgDef, ArgSpecs } from './arg-spec.js';
import { templateProblem } from './templates.js';
import type { Args, ArgValue } from './types.js';
import type { YamlFile } from './yaml-file.js';

/**
 * Validates `given` (argument name → YAML node) against `specs`; fills defaults.
 * `what` names the block in messages, e.g. `step "nspid": action "exec"`.
 */
export function validateArgs(yaml: YamlFile, given: Map<string, Node>, specs: ArgSpecs, what: string, near: Node): Args | undefined {
  const out: Record<string, ArgValue> = {};
  let ok = true;
  for (const [name, node] of given) {
    const def = specs[name];
    if (!def) {
      const known = Object.keys(specs);
      yaml.report(node, t('lint.args.unknown', { what, name, count: known.length, known: known.join(', ') }));
      ok = false;
      continue;
    }
    const value = convert(yaml, node, def, t('lint.label.key', { what, key: name }));
    if (value === undefined) ok = false;
    else out[name] = value;
  }
  for (const [name, def] of Object.entries(specs)) {
    if (name in out || given.has(name)) continue;
    if (def.default === undefined) {
      yaml.report(near, t('lint.args.missing', { what, name, doc: def.doc }));
      ok = false;
    } else {
      out[name] = def.default;
    }
  }
  return ok ? out : undefined;
}

function convert(yaml: YamlFile, node: Node, def: ArgDef, what: string): ArgValue | undefined {
  const type = def.type;
  const fail = (): undefined => {
    yaml.report(node, t('lint.args.must-be', { what, type: describeType(type) }));
    return undefined;
  };
  if (type.kind === 'argv') {
    const list = yaml.textList(node, what);
    if (!list) return undefined;
    if (list.length === 0) return fail();
    for (const item of list) {
      const problem = templateProblem(item);
      if (problem) {
        yaml.report(node, t('lint.label.at', { what, message: problem }));
        return undefined;
      }
    }
    return list;
  }
  if (type.kind === 'list') {
    const list = yaml.textList(node, what);
    if (!list) return undefined;
    return list.length > 0 && list.every((item) => type.values.includes(item)) ? list : fail();
  }
  if (!isScalar(node) || node.value === null || typeof node.value === 'object') return fail();
  const raw = node.value;
  switch (type.kind) {
    case 'string': {
      const text = String(raw).trim();
      if (text === '') return fail();
      const problem = templateProblem(text);
      if (problem) {
        yaml.report(node, t('lint.label.at', { what, message: problem }));
        return undefined;
      }
      return text;
    }
    case 'integer':
      return typeof raw === 'number' && Number.isInteger(raw) && raw >= type.min && raw <= type.max ? raw : fail();
    case 'enum':
      return type.values.includes(String(raw)) ? String(raw) : fail();
    case 'name':
      return isName(String(raw)) ? String(raw) : fail();
    case 'inner-path':
      return isInnerPath(String(raw).trim()) ? String(raw).trim() : fail();
    case 'pid-ref':
      return isPidRef(String(raw)) ? String(raw) : fail();
  }
}
