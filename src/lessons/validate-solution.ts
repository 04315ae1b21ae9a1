/**
 * Validates a your-turn step's `solution:`, what the lab does in the learner's place (`--solve`,
 * fast-forward, and the instructor's key in the TUI). Two forms:
 *   solution: { action: cgroup-limit, memory: 96M }     an action from the catalogue
 *   solution: { exec: "sleep 600 >/dev/null 2>&1 &", in: b }   a command typed into the container's shell
 * The command form runs as the learner's own shell would run it: `/bin/sh -c` inside the container,
 * through the runtime's exec (`docker exec`), never on the host. It becomes the `exec` action.
 */
import { isMap, isScalar } from 'yaml';
import { t } from '../i18n/index.js';
import type { Node, YAMLMap } from 'yaml';
import { ACTIONS } from './actions/index.js';
import type { RunSpec } from './types.js';
import { validateCall } from './validate-call.js';
import type { YamlFile } from './yaml-file.js';

export function validateSolution(yaml: YamlFile, node: Node, what: string, containers: readonly string[]): RunSpec | undefined {
  const at = { file: yaml.file, ...yaml.position(node) };
  if (!isMap(node) || !node.items.some((p) => isScalar(p.key) && p.key.value === 'exec')) {
    const call = validateCall(yaml, node, 'action', ACTIONS, what);
    return call && { action: call.name, args: call.args, at };
  }
  const keys = yaml.entries(node as YAMLMap<unknown, Node>, what, ['exec', 'in'], ['exec']);
  const command = yaml.text(keys.get('exec'), t('lint.label.key', { what, key: 'exec' }));
  let container = '';
  if (keys.has('in')) {
    const name = yaml.text(keys.get('in'), t('lint.label.key', { what, key: 'in' }));
    if (name !== undefined && !containers.includes(name)) {
      yaml.report(keys.get('in'), t('lint.step.in-unknown', { what, name, names: containers.join(', ') }));
      return undefined;
    }
    container = name ?? '';
  }
  if (command === undefined) return undefined;
  // The lab reads the command's output until every holder of the pipe has closed it, as a shell
  // does for `$(…)`: a background process that keeps it open keeps the step waiting until it ends.
  if (/&\s*$/.test(command) && !/>\s*\/dev\/null\s+2>&1\s*&\s*$/.test(command)) {
    yaml.report(keys.get('exec'), t('lint.solution.background', { what: t('lint.label.key', { what, key: 'exec' }) }));
    return undefined;
  }
  return { action: 'exec', args: { argv: ['/bin/sh', '-c', command], container, expect: 'succeeds' }, at };
}
