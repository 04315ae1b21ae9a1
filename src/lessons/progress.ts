/**
 * Progress: which steps of which lessons a learner has done, kept per real user.
 *
 * The lab runs as root (through sudo), but progress belongs to the person behind sudo: the file is
 * `$XDG_STATE_HOME/container-lab/progress.json` (default `~/.local/state/…`) of SUDO_USER, owned by
 * SUDO_UID. Root writes into a directory the user controls, so nothing here follows a symlink: the
 * directories are checked with lstat, and the file is written to a new temporary name
 * (O_EXCL|O_NOFOLLOW) and renamed into place. A progress file that cannot be read is a warning and
 * a fresh start, never a crash.
 */
import { closeSync, constants, fchownSync, lstatSync, mkdirSync, openSync, readFileSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';
import { languageOf } from '../i18n/languages.js';
import type { Lang } from '../i18n/languages.js';

export interface LessonProgress {
  /** The step the learner was on. */
  step: number;
  /** Ids of the steps done. */
  done: string[];
}

export interface Progress {
  version: 1;
  /** Where to continue. */
  last?: { lesson: string; step: number };
  lessons: Record<string, LessonProgress>;
  /** The language the learner chose on the home screen (a lab without it ignores the field). */
  language?: Lang;
}

export interface ProgressLocation {
  file: string;
  /** The directory the learner owns (their home, or XDG_STATE_HOME): created directories below it get `owner`. */
  base: string;
  owner?: { uid: number; gid: number };
}

export function emptyProgress(): Progress {
  return { version: 1, lessons: {} };
}

/** The home directory of `user` from /etc/passwd (the lab does not trust $HOME under sudo). */
export function homeOf(user: string, passwd = '/etc/passwd'): string | undefined {
  try {
    const line = readFileSync(passwd, 'utf8')
      .split('\n')
      .find((l) => l.split(':')[0] === user);
    return line?.split(':')[5] || undefined;
  } catch {
    return undefined;
  }
}

/** Where progress lives for the real user behind sudo (or the current user without sudo). */
export function progressLocation(env: NodeJS.ProcessEnv = process.env, passwd = '/etc/passwd'): ProgressLocation {
  const uid = Number(env.SUDO_UID);
  const gid = Number(env.SUDO_GID ?? env.SUDO_UID);
  const sudo = env.SUDO_USER && Number.isInteger(uid) && uid > 0;
  const home = (sudo ? homeOf(env.SUDO_USER!, passwd) : undefined) ?? env.HOME ?? '/root';
  const xdg = env.XDG_STATE_HOME && path.isAbsolute(env.XDG_STATE_HOME) ? env.XDG_STATE_HOME : undefined;
  const file = xdg
    ? path.join(xdg, 'container-lab', 'progress.json')
    : path.join(home, '.local', 'state', 'container-lab', 'progress.json');
  return { file, base: xdg ?? home, ...(sudo ? { owner: { uid, gid: Number.isInteger(gid) ? gid : uid } } : {}) };
}

/** Reads progress; a missing file is a fresh start, an unreadable or corrupt one a warning too. */
export function loadProgress(file: string): { progress: Progress; warning?: string } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { progress: emptyProgress() };
    return {
      progress: emptyProgress(),
      warning: `Your progress file ${file} could not be read (${(err as NodeJS.ErrnoException).code}), so the lab starts fresh; it will be written again as you go.`,
    };
  }
  try {
    const data = JSON.parse(text) as Progress;
    if (data?.version !== 1 || typeof data.lessons !== 'object' || data.lessons === null) throw new Error('shape');
    const lessons: Record<string, LessonProgress> = {};
    for (const [id, p] of Object.entries(data.lessons)) {
      if (Number.isInteger(p?.step) && Array.isArray(p?.done))
        lessons[id] = { step: p.step, done: p.done.filter((d) => typeof d === 'string') };
    }
    const last = data.last && typeof data.last.lesson === 'string' && Number.isInteger(data.last.step) ? data.last : undefined;
    const language = typeof data.language === 'string' && languageOf(data.language) === data.language ? data.language : undefined;
    return { progress: { version: 1, lessons, ...(last ? { last } : {}), ...(language ? { language } : {}) } };
  } catch {
    return {
      progress: emptyProgress(),
      warning: `Your progress file ${file} is damaged, so the lab starts fresh; it will be written again as you go.`,
    };
  }
}

/** Records that the learner is on `step` of `lesson`, and whether a step was just done. Pure. */
export function recordStep(progress: Progress, lesson: string, step: number, doneId?: string): Progress {
  const before = progress.lessons[lesson] ?? { step: 0, done: [] };
  const done = doneId && !before.done.includes(doneId) ? [...before.done, doneId] : before.done;
  return { ...progress, last: { lesson, step }, lessons: { ...progress.lessons, [lesson]: { step, done } } };
}

/** Crosses one step off a lesson's done list (after `u` undid it, it is to be done again). Pure. */
export function unrecordStep(progress: Progress, lesson: string, stepId: string): Progress {
  const before = progress.lessons[lesson];
  if (!before?.done.includes(stepId)) return progress;
  return { ...progress, lessons: { ...progress.lessons, [lesson]: { ...before, done: before.done.filter((id) => id !== stepId) } } };
}

/** Forgets a lesson's progress (after `r` resets it, its steps are to be done again). Pure. */
export function forgetLesson(progress: Progress, lesson: string): Progress {
  const { [lesson]: _gone, ...rest } = progress.lessons;
  return { ...progress, lessons: rest };
}

/**
 * `container-lab reset [lesson]`: forgets every lesson's progress, or one lesson's (and "Continue"
 * when it points into that lesson). Anything else the file keeps stays. Pure.
 */
export function resetProgress(progress: Progress, lesson?: string): Progress {
  if (lesson === undefined) {
    const { last: _last, ...rest } = progress;
    return { ...rest, lessons: {} };
  }
  const forgotten = forgetLesson(progress, lesson);
  if (forgotten.last?.lesson !== lesson) return forgotten;
  const { last: _last, ...rest } = forgotten;
  return rest;
}

/** Creates the missing directories of `dir` under `base`, refusing symlinks, owned by `owner`. */
function ensureDir(base: string, dir: string, owner?: { uid: number; gid: number }): void {
  const parts = path.relative(base, dir).split(path.sep).filter(Boolean);
  let current = base;
  for (const part of [undefined, ...parts]) {
    if (part) current = path.join(current, part);
    let st: ReturnType<typeof lstatSync> | undefined;
    try {
      st = lstatSync(current);
    } catch {
      mkdirSync(current, { mode: 0o700 });
      if (owner) fchownPath(current, owner);
      continue;
    }
    if (st.isSymbolicLink() || !st.isDirectory()) throw new Error(`${current} is not a plain directory`);
  }
}

function fchownPath(dir: string, owner: { uid: number; gid: number }): void {
  const fd = openSync(dir, constants.O_RDONLY | constants.O_DIRECTORY | constants.O_NOFOLLOW);
  try {
    fchownSync(fd, owner.uid, owner.gid);
  } finally {
    closeSync(fd);
  }
}

/** Writes progress atomically; returns a warning sentence instead of throwing. */
export function saveProgress(loc: ProgressLocation, progress: Progress): string | undefined {
  const tmp = `${loc.file}.${process.pid}.tmp`;
  try {
    ensureDir(loc.base, path.dirname(loc.file), loc.owner);
    const fd = openSync(tmp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o600);
    try {
      if (loc.owner) fchownSync(fd, loc.owner.uid, loc.owner.gid);
      writeSync(fd, `${JSON.stringify(progress, null, 2)}\n`);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, loc.file);
    return undefined;
  } catch (err) {
    try {
      unlinkSync(tmp);
    } catch {
      // nothing was created
    }
    return `Your progress could not be saved to ${loc.file} (${(err as Error).message}); the lab goes on without saving it.`;
  }
}
