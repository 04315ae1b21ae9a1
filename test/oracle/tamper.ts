/**
 * Deliberately wrong claims, to prove the oracle can fail: copies of a real run's records with one
 * namespace inode, one syscall result and one errno sentence changed. Each must be reported.
 */
import type { LabRecord, StepRecords, TracedRun } from './run-lesson.js';

const copy = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

/** The container's net namespace inode plus one, in the first pane that shows namespace links. */
export function wrongNamespace(step: StepRecords): { step: StepRecords; claim?: string } {
  const out = copy(step);
  for (const pane of out.records.filter((r) => r.type === 'pane' && r.side === 'container')) {
    const row = (pane.rows as { cells: string[] }[] | undefined)?.find((r) => /^net:\[\d+\]$/.test(r.cells[1] ?? ''));
    if (!row) continue;
    row.cells[1] = row.cells[1]!.replace(/\d+/, (n) => String(Number(n) + 1));
    return { step: out, claim: row.cells[1] };
  }
  return { step: out };
}

/** pivot_root "failed with EPERM", and a sentence naming EACCES, in the step that calls pivot_root. */
export function wrongCalls(run: TracedRun): TracedRun {
  const out: TracedRun = {
    ...run,
    steps: copy(run.steps),
    log: { ...run.log, calls: run.log.calls.map((c) => ({ ...c, claimed: false })) },
  };
  for (const step of out.steps) {
    const pivot = step.records.find((r) => r.type === 'primitive' && r.name === 'pivot_root' && r.result === '0');
    if (!pivot) continue;
    pivot.result = '-1 EPERM';
    step.records.push({ type: 'output', step: step.step, line: 'the kernel answered EACCES' } as LabRecord);
    break;
  }
  return out;
}
