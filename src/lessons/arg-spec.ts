/**
 * Argument specifications: how an action, probe or check says which arguments it takes.
 *
 * The lesson validator checks every `run:`, `host:`, `container:` and `yourTurn:` block against the
 * spec of the name it uses, so a typo in a lesson is a `file:line` message, never a runtime surprise.
 * The types themselves live in probes/arg-spec.ts (probes take arguments too); this file checks
 * values against them and describes them to a lesson author.
 */
import { t } from '../i18n/index.js';
import type { ArgType } from '../probes/arg-spec.js';

export type { ArgDef, ArgSpecs, ArgType } from '../probes/arg-spec.js';

/** What a reference to a process may be, resolved per side (host or inside the container) when a step runs. */
export function pidRefHelp(): string {
  return t('lint.type.pid-ref-help');
}

const NAME = /^[a-z][a-z0-9-]{0,30}$/;
const PID_REF = /^(lab|container(\.[a-z][a-z0-9-]{0,30})?|process\.[a-z][a-z0-9-]{0,30}|[1-9][0-9]{0,9})$/;

/** True when `text` is a valid name for a process or container in a lesson. */
export function isName(text: string): boolean {
  return NAME.test(text);
}

/** True when `text` is a relative path that stays inside the directory it is joined to. */
export function isInnerPath(text: string): boolean {
  return (
    text !== '' &&
    !text.startsWith('/') &&
    text
      .replace(/\/$/, '')
      .split('/')
      .every((part) => part !== '' && part !== '..')
  );
}

/** True when `text` is a valid process reference. */
export function isPidRef(text: string): boolean {
  return PID_REF.test(text);
}

/** Describes a type for messages: `one of SIGTERM, SIGKILL`, `a whole number from 0 to 10000`. */
export function describeType(type: ArgType): string {
  switch (type.kind) {
    case 'string':
      return t('lint.type.string');
    case 'argv':
      return t('lint.type.argv');
    case 'integer':
      return t('lint.type.integer', { min: type.min, max: type.max });
    case 'enum':
      return t('lint.type.enum', { values: type.values.join(', ') });
    case 'list':
      return t('lint.type.list', { values: type.values.join(', ') });
    case 'name':
      return t('lint.type.name');
    case 'inner-path':
      return t('lint.type.inner-path');
    case 'pid-ref':
      return t('lint.type.pid-ref', { help: pidRefHelp() });
  }
}
