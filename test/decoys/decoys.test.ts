/**
 * It never touches what it did not create. With the decoys of decoys.ts planted, every lesson runs
 * from start to end as the course CI tests (`lesson <id> --solve --plain`: each your-turn solved by
 * its own solution, and every step and check must pass), and `cleanup` runs on ledgers that name
 * things the lab must not remove; after each test every decoy is exactly as it was planted, and the
 * lab has left nothing behind.
 */
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { processStartTime } from '../../src/runtime/proc-identity.js';
import { describeTier } from '../helpers/tier.js';
import { labEnv, presentLessons, runLab, useTier } from '../helpers/lab.js';
import { CLEAN, machineState } from '../helpers/residue.js';
import { changedDecoys, decoyNames, plantDecoys, removeDecoys, type Decoys } from './decoys.js';

const labPaths = useTier('reliability');

const env = labEnv(labPaths);
const ledgerFile = path.join(labPaths.runDir, 'ledger.jsonl');
let decoys: Decoys;

/** Writes a ledger as a crashed lab would have left it. */
function writeLedger(entries: object[]): void {
  fs.mkdirSync(labPaths.runDir, { recursive: true, mode: 0o700 });
  fs.writeFileSync(ledgerFile, entries.map((entry, i) => JSON.stringify({ op: 'add', id: String(i + 1), entry }) + '\n').join(''), {
    mode: 0o600,
  });
}

describeTier('decoys: look-alikes the lab must leave alone', { root: true, cli: true }, () => {
  beforeAll(async () => {
    await runLab(['cleanup'], { env });
    expect(machineState(labPaths)).toEqual(CLEAN);
    decoys = plantDecoys(labPaths);
  });
  afterEach(() => {
    expect(changedDecoys(decoys)).toEqual({});
    expect(machineState(labPaths, { ignoreNames: decoyNames(decoys) })).toEqual(CLEAN);
  });
  afterAll(() => {
    if (decoys) removeDecoys(decoys);
  });

  describe('the course is tested as a course', () => {
    it('has all seven lessons', () => {
      expect(presentLessons().map((l) => l.id)).toEqual([
        'pid-namespace',
        'mount-namespace',
        'cgroups',
        'overlay',
        'whiteouts',
        'veth-bridge',
        'capabilities',
      ]);
    });
    for (const lesson of presentLessons()) {
      it(`lesson ${lesson.id} --solve --plain: every step and every check passes, and every decoy stays as it was`, async () => {
        const r = await runLab(['lesson', lesson.id, '--solve', '--plain'], { env, timeoutMs: 120_000 });
        expect(r.code, `${r.stdout.split('\n').slice(-8).join('\n')}\n${r.stderr}`).toBe(0);
        expect(r.stdout).toMatch(new RegExp(`^Every step of "${lesson.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}" ran`, 'm'));
        // Each your-turn was solved and checked, unless this host cannot run it (the summary names it).
        const skipped = r.stdout.match(/\(skipped: (.*)\)\.$/m)?.[1]?.split(', ') ?? [];
        const turns = lesson.steps.filter((s) => s.yourTurn && !skipped.includes(s.id));
        expect(r.stdout.match(/^Answer given by --solve: .*Check: passed\./gm) ?? []).toHaveLength(turns.length);
      }, 150_000);
    }
  });

  it('cleanup removes only ledger-named resources: a link with the lab prefix that is not in the ledger stays', async () => {
    const r = await runLab(['cleanup'], { env });
    expect(r.stdout).toContain('Nothing to clean up');
    expect(fs.existsSync(`/sys/class/net/${labPaths.linkPrefix}zz`)).toBe(true);
    expect(fs.existsSync('/sys/class/net/clab9zz')).toBe(true);
    expect(fs.existsSync(`/sys/class/net/${labPaths.linkPrefix}zb`)).toBe(true);
  });

  it('a ledger that names the decoys is not obeyed: wrong start time, no lab prefix, paths outside the lab', async () => {
    const [sleeper] = decoys.pids;
    writeLedger([
      // the decoy's PID, but another start time: a PID the kernel reused is someone else's process
      { kind: 'process', pid: sleeper, startTime: String(Number(processStartTime(sleeper!)) + 1), what: 'shim' },
      { kind: 'link', name: 'xclab0' },
      { kind: 'link', name: 'cl4b0' },
      { kind: 'mount', target: '/var/lib/container-lab-decoy' },
      { kind: 'mount', target: `${labPaths.stateDir}-decoy` },
      { kind: 'dir', path: `${labPaths.stateDir}-decoy` },
      { kind: 'dir', path: `${labPaths.runDir}-decoy` },
      // look-alike netfilter names without the lab's prefix at their start
      { kind: 'rule', family: 'nft', table: `x${labPaths.linkPrefix}_publish` },
      { kind: 'rule', family: 'iptables', table: 'nat', chain: `x${labPaths.linkPrefix}_publish` },
    ]);
    const r = await runLab(['cleanup'], { env });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).not.toMatch(/^removed /m);
    expect(r.stdout.match(/^already gone: /gm)).toHaveLength(9);
  });

  it('a directory under containers/ that is not in the ledger survives cleanup and a lesson run', async () => {
    const stray = path.join(labPaths.stateDir, 'containers', 'zz-not-the-labs');
    fs.mkdirSync(stray, { recursive: true });
    fs.writeFileSync(path.join(stray, 'keep.txt'), 'mine\n');
    try {
      await runLab(['cleanup'], { env });
      const lesson = presentLessons()[0]!;
      await runLab(['lesson', lesson.id, '--plain', '--solve'], { env, timeoutMs: 120_000 });
      expect(fs.readFileSync(path.join(stray, 'keep.txt'), 'utf8')).toBe('mine\n');
    } finally {
      fs.rmSync(stray, { recursive: true, force: true });
    }
  }, 150_000);

  it('a link squatting on the name of the lab bridge is reported, never deleted', async () => {
    const veth = presentLessons().find((l) => l.id === 'veth-bridge');
    if (!veth) return; // the lesson that makes the bridge is not here yet
    const squatter = `${labPaths.linkPrefix}0`;
    execFileSync('ip', ['link', 'add', squatter, 'type', 'veth', 'peer', 'name', `x${labPaths.linkPrefix}sq`]);
    const ifindex = fs.readFileSync(`/sys/class/net/${squatter}/ifindex`, 'utf8');
    try {
      const r = await runLab(['lesson', 'veth-bridge', '--plain'], { env, timeoutMs: 120_000 });
      expect(r.code).toBe(1);
      expect(r.stdout).toContain(
        `A link named ${squatter} exists, and the lab did not make it. Set CONTAINER_LAB_LINK_PREFIX to another prefix, or remove that link yourself.`,
      );
      expect(fs.readFileSync(`/sys/class/net/${squatter}/ifindex`, 'utf8')).toBe(ifindex);
    } finally {
      execFileSync('ip', ['link', 'del', squatter]);
    }
  }, 150_000);
});
