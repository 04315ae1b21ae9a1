#!/usr/bin/env node
// A host profile: every lesson end to end, as CI and a learner run it (`container-lab lesson <id>
// --json`), then one line per lesson and a total: steps run, skipped (each with its reason),
// failed, and how long it took. Plain Node, no build step: it runs on a bare host too.
//
// usage: node test/profiles/lessons.mjs PROFILE [--lacks prog,prog…] [--only|--except lesson,lesson…]
// (`--only` / `--except`: when other checks run the rest end to end on the same host, such as the
// oracle tier, or a bare-host profile for lessons that no missing program changes.)
//
// A profile passes with zero FAILED (or cancelled) steps. A step may be skipped only with a
// non-empty reason, and only on a profile that lacks host programs (`--lacks`): its reason must
// name one of them. On a profile with every tool, a skip is a failure too.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const LESSONS = ['pid-namespace', 'mount-namespace', 'cgroups', 'overlay', 'whiteouts', 'veth-bridge', 'capabilities'];
const CLI = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/cli.js');

const [profile, ...rest] = process.argv.slice(2);
if (!profile) {
  console.error('usage: node test/profiles/lessons.mjs PROFILE [--lacks prog,prog…] [--only|--except lesson,lesson…]');
  process.exit(2);
}
const listAfter = (flag) => {
  const at = rest.indexOf(flag);
  return at < 0 ? undefined : (rest[at + 1] ?? '').split(',').filter(Boolean);
};
const lacks = listAfter('--lacks') ?? [];
const only = listAfter('--only');
const except = listAfter('--except') ?? [];
const unknown = [...(only ?? []), ...except].filter((id) => !LESSONS.includes(id));
if (unknown.length) {
  console.error(`--only/--except name no lesson: ${unknown.join(', ')} (the lessons are ${LESSONS.join(', ')})`);
  process.exit(2);
}
const chosen = LESSONS.filter((l) => (only ?? LESSONS).includes(l) && !except.includes(l));

/** One lesson: its steps by status, and what went wrong, read from the JSON lines. */
function runLesson(id) {
  const started = Date.now();
  const r = spawnSync(process.execPath, [CLI, 'lesson', id, '--json', '--solve'], {
    encoding: 'utf8',
    maxBuffer: 64 << 20,
    timeout: 600_000,
  });
  const seconds = (Date.now() - started) / 1000;
  const results = [];
  let summary;
  for (const line of (r.stdout ?? '').split('\n')) {
    if (!line.trim()) continue;
    let record;
    try {
      record = JSON.parse(line);
    } catch {
      continue;
    }
    if (record.type === 'result') results.push(record);
    if (record.type === 'summary') summary = record;
  }
  const problems = [];
  if (!summary)
    problems.push(
      `the lab ended without its summary (exit status ${r.status ?? r.signal}): ${(r.stderr ?? '').trim().split('\n').slice(-3).join(' | ')}`,
    );
  if (r.stderr?.trim() && summary) problems.push(`it wrote to stderr: ${r.stderr.trim().split('\n').slice(-3).join(' | ')}`);
  const skipped = [];
  let ran = 0;
  for (const res of results) {
    const reason = [res.message, res.hint].filter((t) => typeof t === 'string' && t.trim()).join(' ');
    if (res.status === 'done') ran++;
    else if (res.status === 'skipped') {
      skipped.push(`${res.step}: ${reason || '(no reason given)'}`);
      if (!reason) problems.push(`step ${res.step} was skipped without a reason`);
      else if (!lacks.length) problems.push(`step ${res.step} was skipped on a host that lacks nothing: ${reason}`);
      else if (!lacks.some((prog) => new RegExp(`\\b${prog}\\b`).test(reason)))
        problems.push(
          `step ${res.step} was skipped, but its reason names none of the programs this host lacks (${lacks.join(', ')}): ${reason}`,
        );
    } else problems.push(`step ${res.step} ${res.status === 'failed' ? 'FAILED' : res.status}: ${reason || '(no reason given)'}`);
  }
  if (summary && r.status !== 0 && !problems.length) problems.push(`exit status ${r.status}`);
  return { id, ran, skipped, problems, seconds };
}

console.log(
  `profile ${profile}: ${chosen.length === LESSONS.length ? 'every lesson' : chosen.join(', ')} end to end (lesson <id> --json)${lacks.length ? `; this host lacks ${lacks.join(', ')}` : ''}`,
);
const started = Date.now();
const totals = { ran: 0, skipped: 0, failed: 0 };
for (const id of chosen) {
  const r = runLesson(id);
  totals.ran += r.ran;
  totals.skipped += r.skipped.length;
  totals.failed += r.problems.length;
  console.log(
    `  ${id.padEnd(16)} ${String(r.ran).padStart(2)} ran, ${r.skipped.length} skipped, ${r.problems.length} failed  (${r.seconds.toFixed(1)} s)`,
  );
  for (const s of r.skipped) console.log(`      skipped  ${s}`);
  for (const p of r.problems) console.log(`      FAILED   ${p}`);
}
const seconds = ((Date.now() - started) / 1000).toFixed(0);
console.log(`profile ${profile}: ${totals.ran} steps ran, ${totals.skipped} skipped, ${totals.failed} failed, ${seconds} s`);
process.exit(totals.failed ? 1 : 0);
