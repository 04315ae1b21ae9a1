/**
 * Validates a lesson's `containers:` block: each one a ContainerSpec written as YAML.
 */
import { isScalar, isSeq } from 'yaml';
import type { Node } from 'yaml';
import { t } from '../i18n/index.js';
import { NAMESPACE_KINDS, parseCapName } from '../kernel/constants.js';
import type { CapName } from '../kernel/constants.js';
import { CONTAINER_NAMESPACES } from '../runtime/spec.js';
import type { ContainerNamespace, ContainerSpec } from '../runtime/spec.js';
import { isName } from './arg-spec.js';
import type { YamlFile } from './yaml-file.js';

const KEYS = ['namespaces', 'layers', 'hostname', 'command', 'capabilities', 'noNewPrivs', 'limits'];

export function validateContainers(yaml: YamlFile, node: Node): Record<string, ContainerSpec> | undefined {
  const map = yaml.map(node, '`containers:`');
  if (!map) return undefined;
  const out: Record<string, ContainerSpec> = {};
  for (const pair of map.items) {
    const name = isScalar(pair.key) ? String(pair.key.value) : '';
    if (!isName(name)) {
      yaml.report(pair.key as Node, t('lint.container.bad-name', { name }));
      continue;
    }
    const spec = validateSpec(yaml, pair.value ?? (pair.key as Node), t('lint.label.container', { name }));
    if (spec) out[name] = spec;
  }
  if (Object.keys(out).length === 0 && yaml.problems.length === 0) yaml.report(node, t('lint.container.none'));
  return out;
}

/** Validates one container spec; `what` names it in messages. */
export function validateSpec(yaml: YamlFile, node: Node, what: string): ContainerSpec | undefined {
  const map = yaml.map(node, what);
  if (!map) return undefined;
  const keys = yaml.entries(map, what, KEYS);
  const spec: ContainerSpec = {};
  const nsNode = keys.get('namespaces');
  if (nsNode) {
    const namespaces = validateNamespaces(yaml, nsNode, what);
    if (namespaces) spec.namespaces = namespaces;
  }
  const layers = keys.get('layers');
  if (layers) spec.layers = yaml.textList(layers, t('lint.label.key', { what, key: 'layers' }));
  const hostname = keys.get('hostname');
  if (hostname) {
    const text = yaml.text(hostname, t('lint.label.key', { what, key: 'hostname' }));
    if (text && !/^[a-z0-9][a-z0-9-]{0,62}$/.test(text)) yaml.report(hostname, t('lint.container.hostname', { what, hostname: text }));
    else spec.hostname = text;
  }
  const command = keys.get('command');
  if (command) spec.command = yaml.textList(command, t('lint.label.key', { what, key: 'command' }));
  const caps = keys.get('capabilities');
  if (caps) {
    const list = yaml.textList(caps, t('lint.label.key', { what, key: 'capabilities' })) ?? [];
    const parsed = list.map(parseCapName);
    const bad = list.filter((_, i) => parsed[i] === undefined);
    if (bad.length) yaml.report(caps, t('lint.container.unknown-capability', { what, capabilities: bad.join(', ') }));
    else spec.capabilities = parsed as CapName[];
  }
  const nnp = keys.get('noNewPrivs');
  if (nnp) {
    if (isScalar(nnp) && typeof nnp.value === 'boolean') spec.noNewPrivs = nnp.value;
    else yaml.report(nnp, t('lint.container.no-new-privs', { what }));
  }
  const limits = keys.get('limits');
  if (limits) spec.limits = validateLimits(yaml, limits, what);
  return spec;
}

/**
 * `namespaces:` names exactly the kinds the runtime makes. A kind the kernel knows but the runtime
 * does not make (user, time) is refused at its own line: a lesson that asked for it would otherwise
 * run without it and teach something the kernel never did.
 */
function validateNamespaces(yaml: YamlFile, node: Node, what: string): ContainerNamespace[] | undefined {
  const list = yaml.textList(node, t('lint.label.key', { what, key: 'namespaces' }));
  if (!list) return undefined;
  const supported: readonly string[] = CONTAINER_NAMESPACES;
  const bad = list.filter((k) => !(k in NAMESPACE_KINDS));
  if (bad.length) {
    yaml.report(node, t('lint.container.unknown-namespace', { what, kinds: bad.join(', '), known: CONTAINER_NAMESPACES.join(', ') }));
    return undefined;
  }
  const items = isSeq(node) ? node.items : [];
  const unsupported = list.flatMap((kind, i) => (supported.includes(kind) ? [] : [{ kind, at: items[i] as Node | undefined }]));
  for (const { kind, at } of unsupported) {
    yaml.report(at ?? node, t('lint.container.unmade-namespace', { what, kind, known: CONTAINER_NAMESPACES.join(', ') }));
  }
  if (unsupported.length) return undefined;
  if (!list.includes('mnt')) {
    yaml.report(node, t('lint.container.needs-mnt', { what }));
    return undefined;
  }
  return list as ContainerNamespace[];
}

function validateLimits(yaml: YamlFile, node: Node, what: string): ContainerSpec['limits'] {
  const map = yaml.map(node, t('lint.label.key', { what, key: 'limits' }));
  if (!map) return undefined;
  const keys = yaml.entries(map, t('lint.label.key', { what, key: 'limits' }), ['memoryBytes', 'pids', 'cpus']);
  const out: NonNullable<ContainerSpec['limits']> = {};
  for (const [key, value] of keys) {
    const n = isScalar(value) && typeof value.value === 'number' ? value.value : NaN;
    const ok = key === 'cpus' ? n > 0 && n <= 64 : Number.isInteger(n) && n > 0;
    if (!ok) yaml.report(value, t('lint.container.limit', { what, key }));
    else out[key as 'memoryBytes' | 'pids' | 'cpus'] = n;
  }
  return out;
}
