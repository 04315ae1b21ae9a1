import { lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  emptyProgress,
  forgetLesson,
  loadProgress,
  progressLocation,
  recordStep,
  saveProgress,
  unrecordStep,
} from '../../src/lessons/progress.js';
import { describeTier } from '../helpers/tier.js';

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));
const temp = () => (dir = mkdtempSync(path.join(tmpdir(), 'clab3-progress-')));

describe('progress', () => {
  it('belongs to the user behind sudo: their home from /etc/passwd, their XDG state dir, their uid', () => {
    const root = temp();
    writeFileSync(path.join(root, 'passwd'), 'root:x:0:0::/root:/bin/sh\nana:x:1000:1000:Ana:/home/ana:/bin/bash\n');
    const env = { SUDO_USER: 'ana', SUDO_UID: '1000', SUDO_GID: '1000', HOME: '/root' };
    expect(progressLocation(env, path.join(root, 'passwd'))).toEqual({
      file: '/home/ana/.local/state/container-lab/progress.json',
      base: '/home/ana',
      owner: { uid: 1000, gid: 1000 },
    });
    expect(progressLocation({ ...env, XDG_STATE_HOME: '/home/ana/state' }, path.join(root, 'passwd')).file).toBe(
      '/home/ana/state/container-lab/progress.json',
    );
    expect(progressLocation({ HOME: '/root' }, path.join(root, 'passwd'))).toEqual({
      file: '/root/.local/state/container-lab/progress.json',
      base: '/root',
    });
  });

  it('a missing file is a fresh start; a corrupt or unreadable one a warning sentence and a fresh start', () => {
    const root = temp();
    expect(loadProgress(path.join(root, 'none.json'))).toEqual({ progress: emptyProgress() });
    writeFileSync(path.join(root, 'bad.json'), '{"version": 1, "lessons": ');
    expect(loadProgress(path.join(root, 'bad.json'))).toEqual({
      progress: emptyProgress(),
      warning: `Your progress file ${root}/bad.json is damaged, so the lab starts fresh; it will be written again as you go.`,
    });
    mkdirSync(path.join(root, 'dir.json'));
    expect(loadProgress(path.join(root, 'dir.json')).warning).toBe(
      `Your progress file ${root}/dir.json could not be read (EISDIR), so the lab starts fresh; it will be written again as you go.`,
    );
    writeFileSync(
      path.join(root, 'odd.json'),
      JSON.stringify({ version: 1, last: { lesson: 'x', step: 'two' }, lessons: { a: { step: 2, done: ['s1', 3] }, b: { step: 'x' } } }),
    );
    expect(loadProgress(path.join(root, 'odd.json')).progress).toEqual({ version: 1, lessons: { a: { step: 2, done: ['s1'] } } });
  });

  it('keeps the language the learner chose, and drops one the lab does not speak', () => {
    const root = temp();
    writeFileSync(path.join(root, 'zh.json'), JSON.stringify({ version: 1, lessons: {}, language: 'zh-TW' }));
    expect(loadProgress(path.join(root, 'zh.json')).progress.language).toBe('zh-TW');
    writeFileSync(path.join(root, 'de.json'), JSON.stringify({ version: 1, lessons: {}, language: 'de' }));
    expect(loadProgress(path.join(root, 'de.json')).progress).toEqual(emptyProgress());
  });

  it('records steps without duplicates, and forgets a lesson', () => {
    let p = recordStep(emptyProgress(), 'pid-namespace', 2, 'nspid');
    p = recordStep(p, 'pid-namespace', 3, 'nspid');
    expect(p).toEqual({
      version: 1,
      last: { lesson: 'pid-namespace', step: 3 },
      lessons: { 'pid-namespace': { step: 3, done: ['nspid'] } },
    });
    expect(forgetLesson(p, 'pid-namespace').lessons).toEqual({});
  });

  it('crosses an undone step off, keeping where the learner is and the other steps', () => {
    let p = recordStep(emptyProgress(), 'pid-namespace', 2, 'nspid');
    p = recordStep(p, 'pid-namespace', 3, 'orphan');
    const undone = unrecordStep(p, 'pid-namespace', 'orphan');
    expect(undone.lessons['pid-namespace']).toEqual({ step: 3, done: ['nspid'] });
    expect(undone.last).toEqual({ lesson: 'pid-namespace', step: 3 });
    expect(unrecordStep(undone, 'pid-namespace', 'orphan')).toBe(undone);
    expect(unrecordStep(undone, 'cgroups', 'orphan')).toBe(undone);
  });

  // Giving the files to another user (chown) takes root.
  describeTier('progress owned by the user behind sudo', { root: true }, () => {
    it('saves atomically into directories it creates for the user, owned by them, private', () => {
      const home = temp();
      const loc = { file: path.join(home, '.local/state/container-lab/progress.json'), base: home, owner: { uid: 4242, gid: 4343 } };
      expect(saveProgress(loc, recordStep(emptyProgress(), 'pid-namespace', 1, 'your-shell'))).toBeUndefined();
      expect(JSON.parse(readFileSync(loc.file, 'utf8')).lessons['pid-namespace'].done).toEqual(['your-shell']);
      for (const p of ['.local', '.local/state', '.local/state/container-lab']) {
        const st = statSync(path.join(home, p));
        expect([st.uid, st.gid, st.mode & 0o777]).toEqual([4242, 4343, 0o700]);
      }
      const file = statSync(loc.file);
      expect([file.uid, file.gid, file.mode & 0o777]).toEqual([4242, 4343, 0o600]);
      expect(readdirSync(path.dirname(loc.file))).toEqual(['progress.json']);
    });
  });

  it("never writes through a symlink planted in the user's directories: a warning instead", () => {
    const home = temp();
    mkdirSync(path.join(home, 'elsewhere'));
    mkdirSync(path.join(home, '.local'));
    symlinkSync(path.join(home, 'elsewhere'), path.join(home, '.local/state'));
    const loc = { file: path.join(home, '.local/state/container-lab/progress.json'), base: home };
    expect(saveProgress(loc, emptyProgress())).toBe(
      `Your progress could not be saved to ${loc.file} (${home}/.local/state is not a plain directory); the lab goes on without saving it.`,
    );
    expect(readdirSync(path.join(home, 'elsewhere'))).toEqual([]);
    expect(lstatSync(path.join(home, '.local/state')).isSymbolicLink()).toBe(true);
  });
});
