/**
 * `container-lab doctor [--json]`: prints each finding, then the lesson steps this host will skip for
 * want of a host program, with the command that installs it. Exits 1 when a core lesson cannot run.
 */
import { runDoctor } from '../doctor/index.js';
import { language, setLanguage, t } from '../i18n/index.js';
import { padText, textWidth } from '../tui/text-width.js';
import { hostPrograms } from '../doctor/host-programs.js';
import { featureCheck } from '../lessons/lab-runtime.js';
import { hostProgramFindings } from '../lessons/host-check.js';
import { defaultLessonsDir } from '../lessons/lessons-dir.js';
import { loadLessons } from '../lessons/load-lessons.js';
import { labPaths } from '../runtime/paths.js';

/** Each finding's status as a word, padded to one width so the titles line up. */
function marks(): Record<'ok' | 'warn' | 'fail', string> {
  const words = { ok: t('cli.doctor.ok'), warn: t('cli.doctor.warn'), fail: t('cli.doctor.fail') };
  const width = Math.max(...Object.values(words).map(textWidth));
  return { ok: padText(words.ok, width), warn: padText(words.warn, width), fail: padText(words.fail, width) };
}

export async function doctorCommand(json: boolean): Promise<number> {
  // The subnet check runs `ip`, so it lives here and not in the TUI's start-up checks.
  const { subnetFinding } = await import('../runtime/network/doctor.js');
  const collect = async () => {
    const checks = runDoctor();
    const host = { missingFeature: featureCheck(checks), programs: hostPrograms() };
    return [...checks, await subnetFinding(labPaths().linkPrefix), ...hostProgramFindings(loadLessons(defaultLessonsDir()).lessons, host)];
  };
  const findings = await collect();
  if (json) {
    // Tools read the English fields; the learner's language, when another, comes beside them.
    const lang = language();
    if (lang === 'en') process.stdout.write(JSON.stringify({ findings }, null, 2) + '\n');
    else {
      setLanguage('en');
      const english = await collect();
      setLanguage(lang);
      const localized = (i: number) => ({ lang, title: findings[i]?.title, detail: findings[i]?.detail, fix: findings[i]?.fix });
      process.stdout.write(JSON.stringify({ findings: english.map((f, i) => ({ ...f, text: localized(i) })) }, null, 2) + '\n');
    }
  } else {
    const mark = marks();
    const indent = ' '.repeat(textWidth(mark.ok) + 2);
    for (const f of findings) {
      process.stdout.write(`${mark[f.status]}  ${t('cli.doctor.line', { title: f.title, detail: f.detail })}\n`);
      if (f.fix && f.status !== 'ok') process.stdout.write(`${indent}→ ${f.fix}\n`);
    }
  }
  return findings.some((f) => f.status === 'fail') ? 1 : 0;
}
