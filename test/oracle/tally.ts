/**
 * What the oracle found: how many of the lab's claims it checked, of each kind, and every claim an
 * independent tool contradicted, with both sides written out. Claims it could not check are
 * counted too, with the reason, so a quiet pass never hides a blind spot.
 */

export type ClaimKind =
  | 'syscall'
  /** A change the lab made through a merged view, listed in What ran. */
  | 'what ran'
  | 'errno'
  | 'program'
  | 'kernel file'
  | 'namespace'
  | 'mount'
  | 'network'
  | 'capability'
  | 'cgroup'
  | 'whiteout'
  | 'xattr'
  | 'file';

export interface Disagreement {
  lesson: string;
  step: string;
  kind: ClaimKind;
  /** What the lab said. */
  claim: string;
  /** What the independent tool said. */
  oracle: string;
}

export class Tally {
  readonly checked = new Map<ClaimKind, number>();
  readonly unchecked = new Map<string, number>();
  readonly disagreements: Disagreement[] = [];

  constructor(private lesson = '') {}

  /** Claims from here on belong to this lesson. */
  forLesson(lesson: string): this {
    this.lesson = lesson;
    return this;
  }

  agree(kind: ClaimKind): void {
    this.checked.set(kind, (this.checked.get(kind) ?? 0) + 1);
  }

  disagree(kind: ClaimKind, step: string, claim: string, oracle: string): void {
    this.agree(kind);
    this.disagreements.push({ lesson: this.lesson, step, kind, claim, oracle });
  }

  /** Checks `ok`; a false one is a disagreement. */
  expect(kind: ClaimKind, step: string, ok: boolean, claim: string, oracle: () => string): void {
    if (ok) this.agree(kind);
    else this.disagree(kind, step, claim, oracle());
  }

  notChecked(reason: string, n = 1): void {
    if (n > 0) this.unchecked.set(reason, (this.unchecked.get(reason) ?? 0) + n);
  }

  report(): string {
    const lines = ['claims checked against tools the lab did not write:'];
    const kinds = [...this.checked].sort((a, b) => b[1] - a[1]);
    for (const [kind, n] of kinds) {
      const bad = this.disagreements.filter((d) => d.kind === kind).length;
      lines.push(`  ${kind.padEnd(12)} ${String(n).padStart(5)} checked, ${bad} disagree`);
    }
    const total = kinds.reduce((s, [, n]) => s + n, 0);
    lines.push(`  ${'total'.padEnd(12)} ${String(total).padStart(5)} checked, ${this.disagreements.length} disagree`);
    if (this.unchecked.size) {
      lines.push('not checked:');
      for (const [reason, n] of [...this.unchecked].sort((a, b) => b[1] - a[1])) lines.push(`  ${String(n).padStart(5)}  ${reason}`);
    }
    for (const d of this.disagreements) {
      lines.push(`DISAGREE ${d.lesson} / ${d.step} [${d.kind}]`, `  lab:    ${d.claim}`, `  oracle: ${d.oracle}`);
    }
    return lines.join('\n');
  }
}
