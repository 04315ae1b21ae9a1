/**
 * The lab killed at a random moment, for every lesson present: `container-lab lesson <id> --plain`
 * gets SIGKILL, SIGINT (to its PID, or to its process group as a terminal's Ctrl-C does) or
 * SIGTERM at a seeded moment, during start-up or right after a random step. Then the machine is
 * read:
 *   SIGINT / SIGTERM  the lab must exit by itself, having cleaned up: nothing left without any help,
 *                     and `cleanup` afterwards finds an empty ledger;
 *   SIGKILL           nothing can run in the lab, so its processes must die with it (PDEATHSIG), and
 *                     `cleanup` or the next lab's start-up must remove the rest.
 * In both cases: no lab mounts, links, bridges, nft tables, cgroups, state or run directories
 * (only the rootfs layer cache), no process the lab started (followed by PID and start time while it
 * ran, and found again by an environment marker), and every decoy untouched.
 *
 * Seeds: see trials.ts. The run prints its seed; a failing trial's message starts with the
 * command that reruns exactly that trial.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeTier } from '../helpers/tier.js';
import { changedDecoys, decoyNames, plantDecoys, removeDecoys, type Decoys } from '../decoys/decoys.js';
import { labEnv, presentLessons, runLab, sleep, startLab, useTier, waitForOutput, type Finished } from '../helpers/lab.js';
import { CLEAN, machineState } from '../helpers/residue.js';
import { ProcessTracker, processesWithEnv, type TrackedProcess } from './process-tracker.js';
import { describePlan, planTrial, runSeeds, type TrialPlan } from './trials.js';

const labPaths = useTier('reliability');

const lessons = presentLessons().map((l) => ({ id: l.id, steps: l.steps.length }));
const combos = Math.max(1, lessons.length * 3);
const single = process.env.FAULT_SEED === undefined ? undefined : process.env.FAULT_SEED.split(',').map(Number);
const runSeed = Number(process.env.FAULT_RUN_SEED ?? Math.floor(Math.random() * 2 ** 32));
const count = Number(process.env.FAULT_TRIALS ?? Math.max(54, combos * 2));
const seeds = single ?? runSeeds(runSeed, count, combos);
const EXIT_CODE = { SIGINT: 130, SIGTERM: 143 } as const;

const outcomes: Array<{ plan: TrialPlan; ok: boolean; ms: number; note: string }> = [];
let suiteStart = 0;
let decoys: Decoys | undefined;

async function waitUntil(cond: () => boolean, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (cond()) return true;
    await sleep(20);
  }
  return cond();
}

const show = (ps: TrackedProcess[]) => ps.map((p) => `${p.pid} (${p.cmdline.slice(0, 80)})`).join(', ');

async function trial(plan: TrialPlan): Promise<{ problems: string[]; note: string }> {
  const problems: string[] = [];
  const marker = `CONTAINER_LAB_T7_TRIAL=${plan.seed}`;
  const env = labEnv(labPaths, { CONTAINER_LAB_T7_TRIAL: String(plan.seed) });
  const lab = startLab(['lesson', plan.lesson, '--plain', '--solve'], { env });
  const tracker = new ProcessTracker(lab.pid).start(10);
  let exited: Finished | undefined;
  void lab.finished.then((f) => (exited = f));

  if ('afterMs' in plan.when) {
    await sleep(plan.when.afterMs);
  } else {
    const header = new RegExp(`^Step ${plan.when.afterStep} of \\d+:`, 'm');
    await waitForOutput(lab, (out) => header.test(out), 60_000);
    await sleep(plan.when.jitterMs);
  }
  tracker.look();
  let note = '';
  const endedBefore = exited;
  if (endedBefore) {
    note = `the lesson had already ended (exit ${endedBefore.code}) before the ${plan.signal}`;
  } else {
    process.kill(plan.toGroup ? -lab.pid : lab.pid, plan.signal);
  }

  const deadline = plan.signal === 'SIGKILL' ? 5_000 : 20_000;
  const finished = await Promise.race([lab.finished, sleep(deadline).then(() => undefined)]);
  tracker.stop();
  if (!finished) {
    problems.push(`the lab did not exit within ${deadline / 1000} s of ${plan.signal}; it was then killed with SIGKILL`);
    process.kill(-lab.pid, 'SIGKILL');
    await lab.finished;
  } else if (plan.signal !== 'SIGKILL' && !endedBefore) {
    // The handlers exist once the runtime is open; before that (loading, doctor) nothing exists
    // yet and the default action of the signal ends the process, which is also fine.
    const byHandler = finished.code === EXIT_CODE[plan.signal];
    const byDefault = finished.signal === plan.signal;
    if (!byHandler && !byDefault && finished.code !== 0 && finished.code !== 1) {
      problems.push(`after ${plan.signal} the lab exited with ${finished.code ?? finished.signal}, expected ${EXIT_CODE[plan.signal]}`);
    }
    if (byDefault) note = `${plan.signal} arrived before the lab handled signals (default action)`;
    if (finished.stderr.trim() && !byDefault) problems.push(`stderr after ${plan.signal}: ${finished.stderr.trim().slice(0, 500)}`);
  }

  if (plan.signal === 'SIGKILL') {
    if (!(await waitUntil(() => tracker.alive().length === 0, 5_000))) {
      problems.push(`processes outlived the SIGKILLed lab (no PDEATHSIG?): ${show(tracker.alive())}`);
    }
    const recover = plan.recover === 'cleanup' ? await runLab(['cleanup'], { env }) : await runLab(['run', '--', 'true'], { env });
    if (recover.code !== 0) problems.push(`${plan.recover} exited ${recover.code}: ${recover.stderr.trim() || recover.stdout.trim()}`);
  } else {
    // No help: the lab itself must have removed everything before it exited.
    if (!(await waitUntil(() => tracker.alive().length === 0, 3_000)))
      problems.push(`processes outlived the lab after ${plan.signal}: ${show(tracker.alive())}`);
  }

  const state = machineState(labPaths, { ignoreNames: decoyNames(decoys) });
  if (JSON.stringify(state) !== JSON.stringify(CLEAN)) {
    const how = finished ? `exit ${finished.code ?? finished.signal}` : 'killed';
    problems.push(
      `left behind${plan.signal === 'SIGKILL' ? ` after ${plan.recover}` : ` (without cleanup; the lab's ${how})`}: ${JSON.stringify(state)}`,
    );
  }
  const stragglers = [...tracker.alive(), ...processesWithEnv(marker)];
  if (stragglers.length) problems.push(`lab processes still running: ${show(stragglers)}`);

  if (plan.signal !== 'SIGKILL') {
    const again = await runLab(['cleanup'], { env });
    if (!/Nothing to clean up/.test(again.stdout)) problems.push(`cleanup after ${plan.signal} still found: ${again.stdout.trim()}`);
  }

  const changed = decoys ? changedDecoys(decoys) : {};
  if (Object.keys(changed).length) problems.push(`decoys changed: ${JSON.stringify(changed)}`);

  if (problems.length) {
    // Leave the machine clean for the next trial, whatever this one left.
    await runLab(['cleanup'], { env });
  }
  return { problems, note };
}

describeTier('fault injection: a lesson killed at a random moment', { root: true, cli: true }, () => {
  beforeAll(async () => {
    suiteStart = performance.now();
    expect(lessons.length, 'no lessons to run').toBeGreaterThan(0);
    console.log(
      `fault injection: ${seeds.length} trials over ${lessons.length} lessons (${lessons.map((l) => l.id).join(', ')}); ` +
        (single !== undefined ? `FAULT_SEED=${single.join(',')}` : `run seed FAULT_RUN_SEED=${runSeed}`),
    );
    const env = labEnv(labPaths);
    // Start from nothing, with the layer cache built: a kill while the cache is first built is the
    // rootfs builder's own test (a half-built layer is replaced on the next start).
    await runLab(['cleanup'], { env });
    const warm = await runLab(['run', '--', 'true'], { env });
    expect(warm.code, warm.stderr).toBe(0);
    expect(machineState(labPaths)).toEqual(CLEAN);
    decoys = plantDecoys(labPaths);
  }, 120_000);

  afterAll(() => {
    if (decoys) {
      const changed = changedDecoys(decoys);
      removeDecoys(decoys);
      expect(changed).toEqual({});
    }
    const failed = outcomes.filter((o) => !o.ok);
    const total = (performance.now() - suiteStart) / 1000;
    const lines = [
      `fault injection: ${outcomes.length} trials in ${total.toFixed(1)} s, ${failed.length} failed` +
        (single !== undefined ? '' : ` (FAULT_RUN_SEED=${runSeed})`),
      ...failed.map((o) => `  FAILED: FAULT_SEED=${o.plan.seed}  ${describePlan(o.plan)}`),
      ...outcomes.filter((o) => o.note).map((o) => `  note (seed ${o.plan.seed}): ${o.note}`),
    ];
    console.log(lines.join('\n'));
  });

  for (const [i, seed] of seeds.entries()) {
    const plan = planTrial(seed, lessons);
    it(`trial ${i + 1}/${seeds.length} (seed ${seed}): ${describePlan(plan)}`, async () => {
      const t0 = performance.now();
      const { problems, note } = await trial(plan);
      outcomes.push({ plan, ok: problems.length === 0, ms: performance.now() - t0, note });
      if (problems.length) {
        throw new Error(
          `Reproduce: FAULT_SEED=${seed} npx vitest run test/faults/kill.test.ts\n${describePlan(plan)}\n- ${problems.join('\n- ')}`,
        );
      }
    }, 120_000);
  }
});
