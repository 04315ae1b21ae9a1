/**
 * The oracle tier: every lesson, run as CI runs it (`lesson <id> --json`), with its claims held
 * against tools the lab did not write — strace -f for every call and errno, lsns for namespace
 * inodes, findmnt for mounts, `ip -json` for links and routes, capsh for capability masks, stat
 * and getfattr for whiteouts and xattrs, the cgroup files for limits and counters. It prints how
 * many claims of each kind it checked. The last test proves it can fail.
 *
 * Needs root, strace, util-linux, iproute2, libcap2-bin (capsh) and attr (getfattr). Uses its own
 * state dir, cgroup parent and link prefix unless CONTAINER_LAB_* say otherwise.
 * `ORACLE_LESSONS=cgroups,overlay` runs only those lessons.
 */
import { afterAll, expect, it } from 'vitest';
import { useTier } from '../helpers/lab.js';
import { describeTier } from '../helpers/tier.js';
import { checkAtGate } from './claims/panes.js';
import { checkErrnos } from './claims/errnos.js';
import { checkPrimitives } from './claims/syscalls.js';
import { checkLesson } from './oracle.js';
import type { OracleEnv } from './oracle.js';
import { Tally } from './tally.js';
import type { Disagreement } from './tally.js';
import { wrongCalls, wrongNamespace } from './tamper.js';
import { ORACLE_TOOLS } from './tools.js';

const LESSONS = ['pid-namespace', 'mount-namespace', 'cgroups', 'overlay', 'whiteouts', 'veth-bridge', 'capabilities'];
const chosen = process.env.ORACLE_LESSONS?.split(',') ?? LESSONS;

const tally = new Tally();
const proof = new Tally('pid-namespace, tampered');
const format = (d: Disagreement) => `${d.lesson} / ${d.step} [${d.kind}]\n  lab:    ${d.claim}\n  oracle: ${d.oracle}`;

describeTier('oracle tier: the lab against tools it did not write', { root: true, programs: ORACLE_TOOLS, cli: true }, () => {
  const ENV: OracleEnv = useTier('oracle');

  afterAll(() => {
    if (tally.checked.size) console.log(tally.report());
  });

  for (const lesson of chosen) {
    it(`${lesson}: every claim agrees with the kernel's own tools`, async () => {
      const before = tally.disagreements.length;
      // pid-namespace also carries the proof: tampered copies of its panes, checked at the same gates.
      const tamperedClaims: string[] = [];
      const run = await checkLesson(
        lesson,
        ENV,
        tally,
        lesson === 'pid-namespace'
          ? (step, gate) => {
              const wrong = wrongNamespace(step);
              if (wrong.claim) tamperedClaims.push(wrong.claim);
              checkAtGate(wrong.step, { ...gate, tally: proof });
            }
          : undefined,
      );
      if (lesson === 'pid-namespace') {
        const wrong = wrongCalls(run);
        checkPrimitives(wrong, proof);
        checkErrnos(wrong, proof);
        proofOf(tamperedClaims);
      }
      expect(run.gateErrors).toEqual([]);
      // A claim on a step that failed or was skipped checks nothing: every step must have run.
      const notDone = run.steps
        .map((st) => st.records.find((r) => r.type === 'result'))
        .filter((r) => r?.status !== 'done')
        .map((r) => `${r?.step}: ${String(r?.status)} ${String(r?.message ?? '')}`);
      expect(notDone, 'every step ran to done').toEqual([]);
      expect(run.stderr).toBe('');
      expect(run.steps.length, 'every step ran and was printed').toBeGreaterThan(0);
      expect(tally.disagreements.slice(before).map(format)).toEqual([]);
    }, 900_000);
  }
});

/** The deliberately wrong claims: each one reported, by the check of its kind. */
function proofOf(tamperedNamespaces: string[]): void {
  const found = (kind: string, text: string) => proof.disagreements.some((d) => d.kind === kind && d.claim.includes(text));
  expect(tamperedNamespaces.length, 'a namespace-links pane to tamper with').toBeGreaterThan(0);
  expect(
    tamperedNamespaces.every((claim) => found('namespace', claim)),
    proof.report(),
  ).toBe(true);
  expect(found('syscall', 'pivot_root') && found('errno', 'EACCES'), proof.report()).toBe(true);
  console.log(
    `oracle self-check: ${proof.disagreements.length} deliberately wrong claims, each reported:\n${proof.disagreements.map(format).join('\n')}`,
  );
}
