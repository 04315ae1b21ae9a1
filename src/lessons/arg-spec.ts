/**
 * Argument specifications: how an action, probe or check says which arguments it takes.
 *
 * The lesson validator checks every `run:`, `host:`, `container:` and `yourTurn:` block against the
 * spec of the name it uses, so a typo in a lesson is a `file:line` message, never a runtime surprise.
 */

/** A reference to a process, resolved per side (host or inside the container) when a step runs. */
export const PID_REF_HELP =
  '`lab` (the lab itself), `container` or `container.NAME` (a container\'s PID 1), `process.NAME` (a process a step started), or a number';

export type ArgType =
  /** Free text. */
  | { kind: 'string' }
  /** A non-empty list of strings: a command's argv, run inside a container only. */
  | { kind: 'argv' }
  | { kind: 'integer'; min: number; max: number }
  | { kind: 'enum'; values: readonly string[] }
  /** A non-empty list, each entry one of `values`. */
  | { kind: 'list'; values: readonly string[] }
  /** A name for something a step creates: lowercase letters, digits and dashes. */
  | { kind: 'name' }
  /**
   * A path inside an overlay or layer the lab made (`app/config.json`): relative, without `..`.
   * Lessons never name a host path; the action or probe joins this to a directory it owns.
   */
  | { kind: 'inner-path' }
  /** A process reference; see {@link PID_REF_HELP}. */
  | { kind: 'pid-ref' };

export interface ArgDef {
  type: ArgType;
  /** Required unless a default is given. */
  default?: string | number | readonly string[];
  /** One line for lessons/README.md and for lint messages. */
  doc: string;
}

/** Argument name → definition. */
export type ArgSpecs = Readonly<Record<string, ArgDef>>;

const NAME = /^[a-z][a-z0-9-]{0,30}$/;
const PID_REF = /^(lab|container(\.[a-z][a-z0-9-]{0,30})?|process\.[a-z][a-z0-9-]{0,30}|[1-9][0-9]{0,9})$/;

/** True when `text` is a valid name for a process or container in a lesson. */
export function isName(text: string): boolean {
  return NAME.test(text);
}

/** True when `text` is a relative path that stays inside the directory it is joined to. */
export function isInnerPath(text: string): boolean {
  return text !== '' && !text.startsWith('/') && text.replace(/\/$/, '').split('/').every((part) => part !== '' && part !== '..');
}

/** True when `text` is a valid process reference. */
export function isPidRef(text: string): boolean {
  return PID_REF.test(text);
}

/** Describes a type for messages: `one of SIGTERM, SIGKILL`, `a whole number from 0 to 10000`. */
export function describeType(type: ArgType): string {
  switch (type.kind) {
    case 'string':
      return 'text';
    case 'argv':
      return 'a list of strings (a command and its arguments)';
    case 'integer':
      return `a whole number from ${type.min} to ${type.max}`;
    case 'enum':
      return `one of ${type.values.join(', ')}`;
    case 'list':
      return `a list of any of ${type.values.join(', ')}`;
    case 'name':
      return 'a name of lowercase letters, digits and dashes';
    case 'inner-path':
      return 'a relative path inside the overlay, like app/config.json (no leading / and no ..)';
    case 'pid-ref':
      return `a process: ${PID_REF_HELP}`;
  }
}
