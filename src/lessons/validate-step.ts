/**
 * Validates one entry of `steps:` in lesson.yaml: its id, the action it runs, the probes of its
 * panes, and the structure of its optional prediction (which answer), your-turn task (check and
 * solution) and break-it revert. Its prose comes from text.md (validate-prose.ts).
 */
import { isScalar } from 'yaml';
import type { Node } from 'yaml';
import { FINDING_IDS } from '../doctor/finding.js';
import { t } from '../i18n/index.js';
import { HOST_PROGRAMS, type HostProgram } from '../doctor/host-programs.js';
import { PROBES } from '../probes/index.js';
import { ACTIONS } from './actions/index.js';
import { hostNeeds } from './actions/properties.js';
import { isName } from './arg-spec.js';
import { CHECKS } from './checks/index.js';
import { paneLabels } from './pane-pair.js';
import type { BreakIt, LiveSpec, RunSpec, StepShape, ViewSpec } from './types.js';
import { validateCall } from './validate-call.js';
import { validateSolution } from './validate-solution.js';
import { validateTeaches } from './validate-teaches.js';
import type { YamlFile } from './yaml-file.js';

const STEP_KEYS = [
  'id',
  'run',
  'host',
  'container',
  'both',
  'predict',
  'yourTurn',
  'breakIt',
  'live',
  'requires',
  'needs',
  'slow',
  'teaches',
];

/** Host feature ids a lesson may require: the ids of `container-lab doctor`'s findings. */
export const FEATURES: readonly string[] = FINDING_IDS;

export function validateStep(yaml: YamlFile, node: Node, index: number, containers: readonly string[]): StepShape | undefined {
  const map = yaml.map(node, t('lint.label.step-subject', { index: index + 1 }));
  if (!map) return undefined;
  const idNode = map.get('id', true) as Node | undefined;
  const rawId = isScalar(idNode) ? String(idNode.value) : undefined;
  const what = rawId ? t('lint.label.step', { id: rawId }) : t('lint.label.step-index', { index: index + 1 });
  yaml.movedToText(map, what, { title: '`## <id>: <title>`', shell: '`### By hand`', docker: '`### Docker`' });
  const keys = yaml.entries(map, what, STEP_KEYS, ['id', 'run']);
  const id = keys.has('id') ? yaml.text(keys.get('id'), t('lint.label.key', { what, key: 'id' })) : undefined;
  if (id !== undefined && !isName(id)) yaml.report(keys.get('id'), t('lint.step.id', { what, id }));
  const run = keys.has('run') ? runSpec(yaml, keys.get('run')!, t('lint.label.key', { what, key: 'run' })) : undefined;
  const slow = keys.has('slow') ? yaml.text(keys.get('slow'), t('lint.label.key', { what, key: 'slow' })) : undefined;

  let host = keys.has('host') ? viewSpec(yaml, keys.get('host')!, t('lint.label.key', { what, key: 'host' }), containers) : undefined;
  let container = keys.has('container')
    ? viewSpec(yaml, keys.get('container')!, t('lint.label.key', { what, key: 'container' }), containers)
    : undefined;
  if (keys.has('both')) {
    if (keys.has('host') || keys.has('container')) yaml.report(keys.get('both'), t('lint.step.both-forms', { what }));
    host = container = viewSpec(yaml, keys.get('both')!, t('lint.label.key', { what, key: 'both' }), containers);
  }
  const labels = paneLabels(host, container, containers);
  if (host) host = { ...host, label: labels.host };
  if (container) container = { ...container, label: labels.container };
  const predict = keys.has('predict') ? validatePredict(yaml, keys.get('predict')!, what) : undefined;
  const yourTurn = keys.has('yourTurn') ? validateYourTurn(yaml, keys.get('yourTurn')!, what, containers) : undefined;
  const breakIt = keys.has('breakIt') ? validateBreakIt(yaml, keys.get('breakIt')!, what) : undefined;
  const live = keys.has('live') ? validateLive(yaml, keys.get('live')!, t('lint.label.key', { what, key: 'live' })) : undefined;
  const requires = keys.has('requires') ? validateRequires(yaml, keys.get('requires')!, what) : [];
  const runs = [run, yourTurn?.solution, breakIt?.revert].filter((r) => r !== undefined);
  const needs = keys.has('needs') ? validateNeeds(yaml, keys.get('needs')!, what, runs) : [];
  const teaches = keys.has('teaches')
    ? validateTeaches(yaml, keys.get('teaches')!, t('lint.label.key', { what, key: 'teaches' }), { host, container })
    : undefined;
  if (!id || !run) return undefined;
  const at = { file: yaml.file, ...yaml.position(node) };
  return {
    id,
    run,
    host,
    container,
    predict,
    yourTurn,
    breakIt,
    ...(live ? { live } : {}),
    ...(teaches ? { teaches } : {}),
    requires: requires ?? [],
    needs: needs ?? [],
    ...(slow ? { slow } : {}),
    at,
  };
}

function runSpec(yaml: YamlFile, node: Node, what: string): RunSpec | undefined {
  const call = validateCall(yaml, node, 'action', ACTIONS, what);
  return call && { action: call.name, args: call.args, at: { file: yaml.file, line: call.line, column: call.column } };
}

function viewSpec(yaml: YamlFile, node: Node, what: string, containers: readonly string[]): ViewSpec | undefined {
  const call = validateCall(yaml, node, 'probe', PROBES, what, ['in']);
  if (!call) return undefined;
  let container = containers[0] ?? '';
  const inNode = call.extra.get('in');
  if (inNode) {
    const name = yaml.text(inNode, t('lint.label.key', { what, key: 'in' }));
    if (name !== undefined && !containers.includes(name))
      yaml.report(inNode, t('lint.step.in-unknown', { what, name, names: containers.join(', ') }));
    else if (name !== undefined) container = name;
  }
  return { probe: call.name, args: call.args, container, at: { file: yaml.file, line: call.line, column: call.column } };
}

/** `live: { probe: NAME, every: MS, for: MS, …args }`: read on the host while the action runs. */
function validateLive(yaml: YamlFile, node: Node, what: string): LiveSpec | undefined {
  const call = validateCall(yaml, node, 'probe', PROBES, what, ['every', 'for']);
  if (!call) return undefined;
  const ms = (key: string, min: number, max: number, fallback: number): number | undefined => {
    const n = call.extra.get(key);
    if (!n) return fallback;
    if (isScalar(n) && typeof n.value === 'number' && Number.isInteger(n.value) && n.value >= min && n.value <= max) return n.value;
    yaml.report(n, t('lint.step.milliseconds', { what, key, min, max }));
    return undefined;
  };
  const everyMs = ms('every', 50, 5000, 200);
  const forMs = ms('for', 1000, 120_000, 30_000);
  if (everyMs === undefined || forMs === undefined) return undefined;
  return { probe: call.name, args: call.args, everyMs, forMs, at: { file: yaml.file, line: call.line, column: call.column } };
}

function validatePredict(yaml: YamlFile, node: Node, step: string): StepShape['predict'] {
  const what = t('lint.label.key', { what: step, key: 'predict' });
  const map = yaml.map(node, what);
  if (!map) return undefined;
  yaml.movedToText(map, what, { question: '`### Predict`', choices: '`### Predict`', reveal: '`### Reveal`' });
  const keys = yaml.entries(map, what, ['answer'], ['answer']);
  const answerNode = keys.get('answer');
  const answer = isScalar(answerNode) && typeof answerNode.value === 'number' ? answerNode.value : NaN;
  if (!answerNode) return undefined;
  // Its upper bound is the number of choices, which text.md gives (validate-prose.ts checks it).
  if (!(Number.isInteger(answer) && answer >= 1 && answer <= 5)) {
    yaml.report(answerNode, t('lint.step.answer', { what }));
    return undefined;
  }
  return { answer: answer - 1 };
}

function validateYourTurn(yaml: YamlFile, node: Node, step: string, containers: readonly string[]): StepShape['yourTurn'] {
  const what = t('lint.label.key', { what: step, key: 'yourTurn' });
  const map = yaml.map(node, what);
  if (!map) return undefined;
  yaml.movedToText(map, what, { task: '`### Your turn`', hints: '`### Hints`' });
  const keys = yaml.entries(map, what, ['check', 'solution'], ['check']);
  if (!keys.has('solution')) yaml.report(map, t('lint.your-turn.no-solution', { what }));
  const check = keys.has('check')
    ? validateCall(yaml, keys.get('check')!, 'check', CHECKS, t('lint.label.key', { what, key: 'check' }))
    : undefined;
  const solution = keys.has('solution')
    ? validateSolution(yaml, keys.get('solution')!, t('lint.label.key', { what, key: 'solution' }), containers)
    : undefined;
  if (!check || !solution) return undefined;
  return { check: check.name, args: check.args, solution };
}

function validateBreakIt(yaml: YamlFile, node: Node, step: string): BreakIt | undefined {
  const what = t('lint.label.key', { what: step, key: 'breakIt' });
  const map = yaml.map(node, what);
  if (!map) return undefined;
  const keys = yaml.entries(map, what, ['revert'], ['revert']);
  const revert = keys.has('revert') ? runSpec(yaml, keys.get('revert')!, t('lint.label.key', { what, key: 'revert' })) : undefined;
  return revert && { revert };
}

function validateRequires(yaml: YamlFile, node: Node, what: string): string[] | undefined {
  const list = yaml.textList(node, t('lint.label.key', { what, key: 'requires' }));
  const bad = list?.filter((f) => !FEATURES.includes(f)) ?? [];
  if (bad.length) {
    yaml.report(node, t('lint.step.unknown-feature', { what, features: bad.join(', '), known: FEATURES.join(', ') }));
    return undefined;
  }
  return list;
}

/**
 * `needs: [PROGRAM, …]`: host programs the step runs that its actions do not declare. Each must be
 * one the lab knows how to install, and none may repeat what an action of the step declares.
 */
function validateNeeds(yaml: YamlFile, node: Node, what: string, runs: readonly RunSpec[]): HostProgram[] | undefined {
  const list = yaml.textList(node, t('lint.label.key', { what, key: 'needs' }));
  if (!list) return undefined;
  const known = Object.keys(HOST_PROGRAMS);
  const bad = list.filter((p) => !known.includes(p));
  if (bad.length) {
    yaml.report(node, t('lint.step.unknown-program', { what, programs: bad.join(', '), known: known.join(', ') }));
    return undefined;
  }
  for (const program of list) {
    const run = runs.find((r) => hostNeeds(r).some((anyOf) => anyOf.includes(program as HostProgram)));
    if (run) yaml.report(node, t('lint.step.program-declared', { what, action: run.action, program }));
  }
  return list as HostProgram[];
}
