/**
 * `npm run bench`: every benchmark, one table. Run as root on an otherwise idle machine; compare
 * ratios (measured in the same run), never absolute times.
 *
 * Suites: bench/runtime.ts and every bench/*.bench.ts (the TUI's are bench/tui*.bench.ts). Each
 * exports `bench*` functions that return table lines, rows made with stats.ts `row()`. After the
 * suites, every row that has a target from the issues is checked against it:
 *   in-lab start (request → PID 1 running)   ≤ 1.0× `runc run` of the same rootfs      (issue 2)
 *   cold `container-lab run -- true`          ≤ 1.3× `node -e 0`                        (issue 2)
 *   TUI first frame on a pty                  ≤ 2× `node -e 0`                          (issue 3)
 *   keypress → both panes, per step           p50 ≤ 100 ms, p95 ≤ 200 ms               (issue 3)
 *   TUI idle                                  no CPU while nothing changes, RSS ≤ 120 MB (issue 3)
 *   quit, two containers and a bridge         p50 ≤ 500 ms, beside the same teardown by hand (issue 11)
 * `BENCH_ONLY=tui` runs only the suites whose file name contains `tui`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { labPaths } from '../src/runtime/paths.js';
import { removeLabDirs } from '../test/helpers/residue.js';
import { LAB_ENV } from './tui-pty.js';

if (process.getuid?.() !== 0) {
  console.error('The benchmarks start real containers: run them as root (sudo npm run bench).');
  process.exit(1);
}

// Every suite runs the lab under the benchmarks' own roots (unless the caller chose others), never
// a learner's /var/lib/container-lab: the in-process suites read these through labPaths().
for (const [name, value] of Object.entries(LAB_ENV)) process.env[name] ??= value;

/** A table row as stats.ts `row()` prints it. */
interface Row {
  name: string;
  median: number;
  p95: number;
  n: number;
  ratio?: number;
  line: string;
}

const ROW = /^(.*?)\s+median\s+([\d.]+) (?:ms|%|MB)\s+p95\s+([\d.]+) (?:ms|%|MB)\s+\(n=(\d+)\)(?:\s+ratio ([\d.]+)×)?/;

function parseRow(line: string): Row | undefined {
  const m = ROW.exec(line);
  if (!m) return undefined;
  return { name: m[1]!.trim(), median: Number(m[2]), p95: Number(m[3]), n: Number(m[4]), ...(m[5] ? { ratio: Number(m[5]) } : {}), line };
}

interface Target {
  /** Which rows it applies to. */
  match: RegExp;
  /** The target, as the issue states it. */
  text: string;
  met(row: Row): boolean;
}

const TARGETS: Target[] = [
  { match: /^in-lab start/, text: '≤ 1.0× runc run', met: (r) => r.ratio !== undefined && r.ratio <= 1.0 },
  { match: /^cold `container-lab run -- true`/, text: '≤ 1.3× node -e 0', met: (r) => r.ratio !== undefined && r.ratio <= 1.3 },
  { match: /first frame/i, text: '≤ 2× node -e 0', met: (r) => r.ratio !== undefined && r.ratio <= 2 },
  { match: /(keypress|key press|→ panes|→ both panes)/i, text: 'p50 ≤ 100 ms, p95 ≤ 200 ms', met: (r) => r.median <= 100 && r.p95 <= 200 },
  // "No CPU while nothing changes": every sample, not just most of them (p95 too).
  { match: /idle.*cpu|cpu.*idle/i, text: 'no CPU while idle (p50 and p95 ≤ 1%)', met: (r) => r.median <= 1 && r.p95 <= 1 },
  { match: /rss/i, text: '≤ 120 MB', met: (r) => r.median <= 120 },
  { match: /^quit \(q → exited\)/, text: 'p50 ≤ 500 ms', met: (r) => r.median <= 500 },
];

/** The rows the issue asks for, each of which some suite must print. */
const REQUIRED: Array<[RegExp, string]> = [
  [/^in-lab start/, 'in-lab start vs runc run'],
  [/^cold `container-lab run -- true`/, 'cold `run -- true` vs node -e 0'],
  [/first frame/i, 'TUI first frame vs node -e 0'],
  [/(keypress|key press|→ panes|→ both panes)/i, 'keypress → panes, per step of every lesson'],
  [/idle.*cpu|cpu.*idle/i, 'TUI idle CPU'],
  [/rss/i, 'TUI RSS'],
  [/^quit \(q → exited\)/, 'quit with two containers and a bridge vs the same teardown by hand'],
];

const here = path.dirname(new URL(import.meta.url).pathname);
const only = process.env.BENCH_ONLY;
const suites = fs
  .readdirSync(here)
  .filter((f) => /^[a-z0-9-]+\.bench\.ts$/.test(f) || f === 'runtime.ts')
  .filter((f) => !only || f.includes(only))
  .sort();

const rows: Row[] = [];
const started = performance.now();
console.log(
  `container-lab benchmarks — ${new Date().toISOString()}, node ${process.version}, ${suites.length} suites: ${suites.join(', ')}`,
);
for (const file of suites) {
  const mod = (await import(path.join(here, file))) as Record<string, unknown>;
  for (const [name, fn] of Object.entries(mod)) {
    if (!name.startsWith('bench') || typeof fn !== 'function') continue;
    console.log(`\n## ${file} · ${name}`);
    try {
      for (const line of await (fn as () => Promise<string[]>)()) {
        console.log(line);
        const r = parseRow(line);
        if (r) rows.push(r);
      }
    } catch (err) {
      console.log(`FAILED: ${(err as Error).message}`);
    }
  }
}

console.log(`\n## targets (medians; ratios measured in this run) — ${((performance.now() - started) / 1000).toFixed(0)} s in all`);
let missed = 0;
for (const r of rows) {
  const target = TARGETS.find((t) => t.match.test(r.name));
  if (!target) continue;
  const ok = target.met(r);
  if (!ok) missed++;
  const value =
    r.ratio !== undefined && !/p50/.test(target.text) ? `${r.ratio.toFixed(2)}×` : `p50 ${r.median.toFixed(1)}  p95 ${r.p95.toFixed(1)}`;
  console.log(`${ok ? 'met   ' : 'MISSED'}  ${r.name.padEnd(58)} ${value.padStart(22)}   target ${target.text}`);
}
for (const [match, what] of REQUIRED) {
  if (!rows.some((r) => match.test(r.name))) {
    missed++;
    console.log(`ABSENT  ${what}: no suite printed this row (expected from bench/runtime.ts or bench/tui*.bench.ts)`);
  }
}
console.log(missed === 0 ? '\nEvery target met.' : `\n${missed} target${missed > 1 ? 's' : ''} missed or absent (see above).`);

// The TUI suites ran the lab under roots of their own (bench/tui-pty.ts): its layer cache and run
// directory go with the benchmark, as a test tier's do.
removeLabDirs(labPaths(LAB_ENV));
