#!/usr/bin/env node
/**
 * container-lab's command line. Each command loads only what it needs: `run`, `doctor` and
 * `cleanup` never load Ink or React, so they start in about the time of `node -e 0`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { takeLanguage } from './cli/language.js';
import { t } from './i18n/index.js';
import { needRoot, UsageError } from './cli/parse.js';

function version(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  return (JSON.parse(fs.readFileSync(path.join(here, '..', 'package.json'), 'utf8')) as { version: string }).version;
}

function shimScript(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const built = [path.join(here, 'shim.js'), path.join(here, '..', 'dist', 'shim.js')].find((p) => fs.existsSync(p));
  if (!built) throw new UsageError(t('cli.no-shim'));
  return built;
}

/**
 * Ink draws nothing but the last frame when it thinks it runs in CI (a `CI` or
 * `CONTINUOUS_INTEGRATION` variable, read when Ink loads). The lab on a terminal is interactive
 * whatever the shell exports, so those markers are cleared before Ink is loaded.
 */
function drawEvenInCi(): void {
  delete process.env.CI;
  delete process.env.CONTINUOUS_INTEGRATION;
}

/** True for the commands that open the interactive lab: no command, `--lessons`, `lesson <id> --step N` without an output flag. */
function opensTheLab([command, ...rest]: string[]): boolean {
  if (command === undefined || command === '--lessons') return true;
  const has = (flag: string) => rest.some((a) => a === flag || a.startsWith(`${flag}=`));
  return command === 'lesson' && has('--step') && !has('--plain') && !has('--json');
}

async function main(args: string[]): Promise<number> {
  const argv = takeLanguage(args);
  const [command, ...rest] = argv;
  switch (command) {
    case '--version':
    case '-v':
      process.stdout.write(`${version()}\n`);
      return 0;
    case '--help':
    case '-h':
    case 'help':
      process.stdout.write(t('cli.help'));
      return 0;
    case 'doctor': {
      const { values } = parseArgs({
        args: rest,
        options: { json: { type: 'boolean', default: false }, workshop: { type: 'boolean', default: false } },
      });
      const { doctorCommand } = await import('./cli/doctor.js');
      return await doctorCommand(values.json ?? false, values.workshop ? { version: version() } : undefined);
    }
    case 'notes': {
      const { notesCommand } = await import('./cli/notes.js');
      return notesCommand(rest);
    }
    case 'cleanup': {
      parseArgs({ args: rest, options: {} });
      needRoot('cleanup');
      const { cleanupCommand } = await import('./cli/cleanup.js');
      return cleanupCommand();
    }
    case 'reset': {
      const { values, positionals } = parseArgs({
        args: rest,
        allowPositionals: true,
        options: { yes: { type: 'boolean', default: false }, lessons: { type: 'string' } },
      });
      if (positionals.length > 1) throw new UsageError(t('workshop.reset.one-lesson'));
      const { lessonIds } = await import('./cli/lessons.js');
      const ids = await lessonIds(values.lessons);
      const lesson = positionals[0];
      if (lesson !== undefined && !ids.includes(lesson))
        throw new UsageError(
          ids.length ? t('cli.no-such-lesson', { id: lesson, ids: ids.join(', ') }) : t('cli.no-lessons-here', { id: lesson }),
        );
      const { resetCommand } = await import('./cli/reset.js');
      return resetCommand({ lesson, lessonCount: ids.length, yes: values.yes ?? false });
    }
    case 'run': {
      const { values, positionals } = parseArgs({
        args: rest,
        allowPositionals: true,
        options: {
          hostname: { type: 'string' },
          memory: { type: 'string' },
          pids: { type: 'string' },
          cpus: { type: 'string' },
          'cap-drop': { type: 'string', multiple: true },
          verbose: { type: 'boolean', default: false },
        },
      });
      const p = await import('./cli/parse.js');
      const opts = {
        hostname: values.hostname === undefined ? undefined : p.parseHostname(values.hostname),
        memoryBytes: values.memory === undefined ? undefined : p.parseMemory(values.memory),
        pids: values.pids === undefined ? undefined : p.parsePids(values.pids),
        cpus: values.cpus === undefined ? undefined : p.parseCpus(values.cpus),
        capDrop: (values['cap-drop'] ?? []).map(p.parseCap),
        command: positionals.length > 0 ? positionals : ['/bin/sh'],
        verbose: values.verbose ?? false,
        shimScript: shimScript(),
      };
      needRoot('run');
      const { run } = await import('./cli/run.js');
      return run(opts);
    }
    case undefined:
    case '--lessons':
    case '--presenter':
    case '--transcript':
    case 'lesson':
    case 'lint-lessons': {
      if (process.stdout.isTTY && opensTheLab(argv)) drawEvenInCi();
      const { lessonCommands } = await import('./cli/lessons.js');
      return lessonCommands(argv);
    }
    default:
      throw new UsageError(t('cli.unknown-command', { command }));
  }
}

/**
 * A reader that goes away (`container-lab lesson pid-namespace --plain | head`) makes our next
 * write fail with EPIPE, and Node raises that as an uncaught error: the process would end at once,
 * before it removed its containers. A terminal that hangs up (its window closed: SIGHUP) does the
 * same with EIO. Neither is a failure of ours: later writes are dropped, and each command winds
 * down through its usual cleanup.
 */
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE' && err.code !== 'EIO') throw err;
  });
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    const e = err as { message?: string; hint?: string; code?: string };
    if (err instanceof UsageError || e?.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' || e?.code?.startsWith?.('ERR_PARSE_ARGS')) {
      process.stderr.write(`container-lab: ${e.message}\n${t('cli.see-help')}\n`);
      process.exitCode = 2;
      return;
    }
    process.stderr.write(`container-lab: ${e?.message ?? String(err)}\n`);
    if (e?.hint) process.stderr.write(`${t('cli.hint', { hint: e.hint })}\n`);
    process.exitCode = 1;
  },
);
