/**
 * `container-lab doctor [--json] [--workshop]`: prints each finding, then the lesson steps this host
 * will skip for want of a host program, with the command that installs it. Exits 1 when a core
 * lesson cannot run.
 *
 * `--workshop` (root) is the pre-flight an instructor sends attendees: after those findings it
 * starts and removes one container per lesson (src/lessons/runner/preflight-run.ts), prints per lesson
 * ready / will skip N steps / cannot run, and ends with one line to paste back. Exits 1 when a
 * lesson cannot run.
 */
import os from 'node:os';
import { detectCgroups } from '../cgroups/detect.js';
import { runDoctor } from '../doctor/index.js';
import type { Finding } from '../doctor/index.js';
import { language, setLanguage, t } from '../i18n/index.js';
import { padText, textWidth } from '../i18n/text-width.js';
import { hostPrograms } from '../doctor/host-programs.js';
import type { HostPrograms } from '../doctor/host-programs.js';
import { formatLesson, summaryLine, WORKSHOP_TEXT } from '../lessons/runner/preflight.js';
import { featureCheck } from '../lessons/lab-runtime.js';
import { hostProgramFindings } from '../lessons/host-check.js';
import { defaultLessonsDir } from '../lessons/lessons-dir.js';
import { loadLessons } from '../lessons/load-lessons.js';
import type { Lesson } from '../lessons/types.js';
import { lockOwner } from '../runtime/lock.js';
import { labPaths } from '../runtime/paths.js';

/** Each finding's status as a word, padded to one width so the titles line up. */
function marks(): Record<'ok' | 'warn' | 'fail', string> {
  const words = { ok: t('cli.doctor.ok'), warn: t('cli.doctor.warn'), fail: t('cli.doctor.fail') };
  const width = Math.max(...Object.values(words).map(textWidth));
  return { ok: padText(words.ok, width), warn: padText(words.warn, width), fail: padText(words.fail, width) };
}

const write = (lines: string[]) => process.stdout.write(lines.map((l) => `${l}\n`).join(''));

export async function doctorCommand(json: boolean, workshop?: { version: string }): Promise<number> {
  if (workshop) {
    // Refused before anything is checked or created: one sentence, as for a usage error.
    if (process.getuid?.() !== 0) return refuse(WORKSHOP_TEXT.needsRoot);
    const owner = lockOwner(labPaths().runDir);
    if (owner !== undefined) return refuse(WORKSHOP_TEXT.labRunning(owner));
  }
  // The subnet check runs `ip`, so it lives here and not in the TUI's start-up checks.
  const { subnetFinding } = await import('../runtime/network/doctor.js');
  const collect = async () => {
    const checks = runDoctor();
    const programs = hostPrograms();
    const lessons = loadLessons(defaultLessonsDir(), language()).lessons;
    const host = { missingFeature: featureCheck(checks), programs };
    const findings = [...checks, await subnetFinding(labPaths().linkPrefix), ...hostProgramFindings(lessons, host)];
    return { checks, programs, lessons, findings };
  };
  const { checks, programs, lessons, findings } = await collect();
  // Tools read the English fields; the learner's language, when another, comes beside them.
  const forJson = async (): Promise<object[]> => {
    const lang = language();
    if (lang === 'en') return findings;
    setLanguage('en');
    const english = (await collect()).findings;
    setLanguage(lang);
    const localized = (i: number) => ({ lang, title: findings[i]?.title, detail: findings[i]?.detail, fix: findings[i]?.fix });
    return english.map((f, i) => ({ ...f, text: localized(i) }));
  };
  if (!json) {
    const mark = marks();
    const indent = ' '.repeat(textWidth(mark.ok) + 2);
    for (const f of findings) {
      process.stdout.write(`${mark[f.status]}  ${t('cli.doctor.line', { title: f.title, detail: f.detail })}\n`);
      if (f.fix && f.status !== 'ok') process.stdout.write(`${indent}→ ${f.fix}\n`);
    }
  }
  if (workshop) return preflight(json, workshop.version, lessons, checks, programs, json ? await forJson() : findings);
  if (json) write([JSON.stringify({ findings: await forJson() }, null, 2)]);
  return findings.some((f) => f.status === 'fail') ? 1 : 0;
}

function refuse(sentence: string): number {
  process.stderr.write(`container-lab: ${sentence}\n`);
  return 2;
}

/** The cgroup mode for the last line: v2, v1 or hybrid (or none, when no cgroup filesystem is mounted). */
function cgroupMode(): string {
  try {
    return detectCgroups().mode;
  } catch {
    return 'none';
  }
}

async function preflight(
  json: boolean,
  version: string,
  lessons: readonly Lesson[],
  checks: Finding[],
  programs: HostPrograms,
  findings: readonly object[],
): Promise<number> {
  const { runPreflight } = await import('../lessons/runner/preflight-run.js');
  if (!json) write(['', WORKSHOP_TEXT.heading]);
  const result = await runPreflight(lessons, checks, programs, (lesson) => {
    if (!json) write(formatLesson(lesson));
  });
  const host = { version, kernel: os.release(), cgroup: cgroupMode() };
  const line = summaryLine(host, result.lessons);
  if (json) {
    const workshop = { ...host, lessons: result.lessons, leftBehind: result.leftBehind, durationMs: Math.round(result.durationMs), line };
    write([JSON.stringify({ findings, workshop }, null, 2)]);
  } else {
    write(['', ...result.leftBehind, line]);
  }
  return result.lessons.some((l) => l.status === 'cannot-run') || result.leftBehind.length > 0 ? 1 : 0;
}
