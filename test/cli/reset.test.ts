/**
 * `container-lab reset [lesson]`: forgets progress (all, or one lesson), after asking on a terminal
 * or with --yes; refuses without a terminal to ask on, and while a lab runs (its lock names a live
 * process), changing nothing then.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { resetCommand } from '../../src/cli/reset.js';
import { setLanguage, translate } from '../../src/i18n/index.js';
import { recordStep, resetProgress } from '../../src/lessons/progress.js';
import type { Progress } from '../../src/lessons/progress.js';
import { processStartTime } from '../../src/runtime/proc-identity.js';

const SOME: Progress = recordStep(recordStep({ version: 1, lessons: {} }, 'overlay', 2, 'a'), 'cgroups', 3, 'b');

let dir = '';
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A progress file and a run directory of our own, and a terminal (or pipe) that answers `typed`. */
function setup(typed?: string, tty = true) {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clsv-reset-'));
  const env = { XDG_STATE_HOME: dir, HOME: dir, CONTAINER_LAB_RUN_DIR: path.join(dir, 'run') };
  const file = path.join(dir, 'container-lab', 'progress.json');
  fs.mkdirSync(path.dirname(file));
  fs.writeFileSync(file, JSON.stringify(SOME));
  const input = Object.assign(new PassThrough(), { isTTY: tty });
  if (typed !== undefined) input.end(typed);
  const output = new PassThrough();
  let said = '';
  output.on('data', (d: Buffer) => (said += d.toString()));
  const read = () => JSON.parse(fs.readFileSync(file, 'utf8')) as Progress;
  return { env, input, output, read, said: () => said };
}

describe('reset', () => {
  it('forgets one lesson (and "continue" when it points there), or all, keeping anything else the file holds', () => {
    expect(resetProgress(SOME, 'cgroups')).toEqual({ version: 1, lessons: { overlay: { step: 2, done: ['a'] } } });
    expect(resetProgress(SOME, 'overlay')).toEqual({ ...SOME, lessons: { cgroups: { step: 3, done: ['b'] } } });
    expect(resetProgress({ ...SOME, lang: 'zh-CN' } as Progress)).toEqual({ version: 1, lessons: {}, lang: 'zh-CN' });
  });

  it('asks first: y resets every lesson, anything else keeps it all', async () => {
    const yes = setup('y\n');
    expect(await resetCommand({ lessonCount: 7, yes: false, ...yes })).toBe(0);
    expect(yes.said()).toMatch(/^Reset progress of all 7 lessons\? \[y\/N\] /);
    expect(yes.read()).toEqual({ version: 1, lessons: {} });
    fs.rmSync(dir, { recursive: true, force: true });
    const no = setup('\n');
    expect(await resetCommand({ lessonCount: 7, yes: false, ...no })).toBe(0);
    expect(no.read()).toEqual(SOME);
  });

  it("asks in the learner's language, and takes a yes in it (是, 是的, full-width ｙ) as well as y or yes", async () => {
    setLanguage('zh-CN');
    try {
      for (const typed of ['是\n', ' 是的 \n', 'ＹＥＳ\n', 'Y\n']) {
        const s = setup(typed);
        expect(await resetCommand({ lesson: 'cgroups', lessonCount: 7, yes: false, ...s })).toBe(0);
        expect(s.said()).toContain(`${translate('zh-CN', 'workshop.reset.ask-one', { lesson: 'cgroups' })} `);
        expect(s.read().lessons, typed).toEqual({ overlay: { step: 2, done: ['a'] } });
        fs.rmSync(dir, { recursive: true, force: true });
      }
      for (const typed of ['否\n', 'n\n', 'yess\n']) {
        const s = setup(typed);
        expect(await resetCommand({ lessonCount: 7, yes: false, ...s })).toBe(0);
        expect(s.read(), typed).toEqual(SOME);
        fs.rmSync(dir, { recursive: true, force: true });
      }
    } finally {
      setLanguage('en');
    }
  });

  it('--yes resets one lesson without asking', async () => {
    const s = setup();
    expect(await resetCommand({ lesson: 'cgroups', lessonCount: 7, yes: true, ...s })).toBe(0);
    expect(s.read().lessons).toEqual({ overlay: { step: 2, done: ['a'] } });
  });

  it('with no terminal to ask on and no --yes, it refuses and changes nothing', async () => {
    const s = setup('y\n', false);
    expect(await resetCommand({ lessonCount: 7, yes: false, ...s })).toBe(1);
    expect(s.read()).toEqual(SOME);
  });

  it('while a lab runs (its lock names a live process), it stops and changes nothing, even with --yes', async () => {
    const s = setup();
    fs.mkdirSync(s.env.CONTAINER_LAB_RUN_DIR);
    fs.writeFileSync(path.join(s.env.CONTAINER_LAB_RUN_DIR, 'lock'), `${process.pid} ${processStartTime(process.pid)}\n`);
    expect(await resetCommand({ lessonCount: 7, yes: true, ...s })).toBe(1);
    expect(s.read()).toEqual(SOME);
    // A lock left by a lab that died is no lab running.
    fs.writeFileSync(path.join(s.env.CONTAINER_LAB_RUN_DIR, 'lock'), `${process.pid} 1\n`);
    expect(await resetCommand({ lessonCount: 7, yes: true, ...s })).toBe(0);
    expect(s.read().lessons).toEqual({});
  });
});
