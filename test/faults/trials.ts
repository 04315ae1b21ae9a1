/**
 * Seeded trials for the kill tests. A trial is a pure function of its seed (and of the lessons
 * present): which lesson, which signal, when, and how the lab is brought back. The seeds of a run
 * form a chain from the run's seed, so one number reproduces a whole run and a trial's own seed
 * reproduces that trial alone:
 *
 *   FAULT_SEED=<n>[,<m>…] npx vitest run test/faults  the trial with seed n (and m…), alone
 *   FAULT_RUN_SEED=<n> npx vitest run test/faults    the whole run that started from n
 *   FAULT_TRIALS=<k>                                 how many trials (default 54)
 */

export type KillSignal = 'SIGKILL' | 'SIGINT' | 'SIGTERM';

export interface TrialPlan {
  seed: number;
  lesson: string;
  signal: KillSignal;
  /** SIGINT only: to the lab's whole process group, as a terminal's Ctrl-C does, or to its PID. */
  toGroup: boolean;
  /**
   * When: `afterMs` after the start (the start-up: doctor, lock, reconcile, the spare shim), or
   * `jitterMs` after the plain output shows that step `afterStep` (1-based) ended.
   */
  when: { afterMs: number } | { afterStep: number; jitterMs: number };
  /** After a SIGKILL: `container-lab cleanup`, or starting a lab again (`run -- true` reconciles first). */
  recover: 'cleanup' | 'restart';
}

/** mulberry32: a small, fast 32-bit generator; the same seed gives the same numbers everywhere. */
export function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The seed after `seed` in a run's chain. */
export function nextSeed(seed: number): number {
  return Math.floor(generator(seed ^ 0x9e3779b9)() * 4294967296) >>> 0;
}

const SIGNALS: KillSignal[] = ['SIGKILL', 'SIGINT', 'SIGTERM'];

/**
 * The seed picks the lesson and the signal from its low digits (so a run of consecutive combos
 * covers every lesson with every signal) and everything else from its generator.
 */
export function planTrial(seed: number, lessons: ReadonlyArray<{ id: string; steps: number }>): TrialPlan {
  const combos = lessons.length * SIGNALS.length;
  const combo = seed % combos;
  const lesson = lessons[combo % lessons.length]!;
  const signal = SIGNALS[Math.floor(combo / lessons.length)]!;
  const rnd = generator(seed);
  const duringStartup = rnd() < 0.25;
  const when = duringStartup
    ? { afterMs: Math.floor(rnd() * 1500) }
    : { afterStep: 1 + Math.floor(rnd() * Math.max(1, lesson.steps - 1)), jitterMs: Math.floor(rnd() * 400) };
  return {
    seed,
    lesson: lesson.id,
    signal,
    toGroup: signal === 'SIGINT' && rnd() < 0.5,
    when,
    recover: rnd() < 0.5 ? 'cleanup' : 'restart',
  };
}

/**
 * The seeds of a run: trial i has combo i (mod the number of combos), so every lesson meets every
 * signal; the rest of each seed comes from the chain.
 */
export function runSeeds(runSeed: number, count: number, combos: number): number[] {
  const seeds: number[] = [];
  let s = runSeed >>> 0;
  for (let i = 0; i < count; i++) {
    const high = Math.floor(s / combos);
    const withCombo = high * combos + (i % combos);
    seeds.push(withCombo >>> 0 === withCombo ? withCombo : (withCombo - combos) >>> 0);
    s = nextSeed(s);
  }
  return seeds;
}

export function describePlan(p: TrialPlan): string {
  const when = 'afterMs' in p.when ? `${p.when.afterMs} ms after start` : `${p.when.jitterMs} ms after step ${p.when.afterStep} ended`;
  const target = p.signal === 'SIGINT' ? (p.toGroup ? ' to the process group (Ctrl-C)' : ' to the lab PID') : '';
  const recover =
    p.signal === 'SIGKILL' ? `, then ${p.recover === 'cleanup' ? '`container-lab cleanup`' : 'a new lab (`run -- true`)'}` : '';
  return `lesson ${p.lesson}: ${p.signal}${target} ${when}${recover}`;
}
