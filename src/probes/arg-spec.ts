/**
 * What arguments an action, probe or check takes: the types a lesson's `run:`, `host:`,
 * `container:` and `yourTurn:` blocks are checked against. Defined here, at the probes' level,
 * because probes declare arguments too; how each type is checked and described to a lesson author
 * is in lessons/arg-spec.ts.
 */

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
  /** A process reference: `lab`, `container`, `container.NAME`, `process.NAME`, or a number. */
  | { kind: 'pid-ref' };

export interface ArgDef {
  type: ArgType;
  /** Required unless a default is given. */
  default?: string | number | readonly string[];
  /** One line for lessons/README.md and for lint messages. */
  doc: string;
  /**
   * The argument only chooses which rows are shown (`links: lab`): two views that differ in it
   * still read the same kind of object the same way, and compare row by row.
   */
  rowFilter?: true;
}

/** Argument name → definition. */
export type ArgSpecs = Readonly<Record<string, ArgDef>>;
