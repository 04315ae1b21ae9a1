/**
 * Bad state on disk: a state directory the lab cannot use, a damaged rootfs cache, a stale ledger.
 * Each uses state and run directories of its own under /var/lib and /run, removed afterwards.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import type { LabPaths } from '../../src/runtime/paths.js';
import { labEnv, runLab, useTier } from '../helpers/lab.js';
import { CLEAN, machineState } from '../helpers/residue.js';
import { describeTier } from '../helpers/tier.js';

const labPaths = useTier('reliability');

const paths: LabPaths = { ...labPaths, stateDir: '/var/lib/container-lab-t7-bad', runDir: '/run/container-lab-t7-bad' };
const env = labEnv(paths);

function removeAll(): void {
  for (const p of [paths.stateDir, paths.runDir, `${paths.stateDir}-target`]) fs.rmSync(p, { recursive: true, force: true });
}

describeTier('bad input: the lab state on disk', { root: true, cli: true }, () => {
  afterEach(() => {
    expect(machineState(paths)).toEqual(CLEAN);
    removeAll();
  });

  it('a state directory on a read-only filesystem: it says so, and where to point the lab instead', async () => {
    removeAll();
    fs.mkdirSync(paths.stateDir, { mode: 0o700 });
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'ro,size=1m,mode=0700', 'clab7-readonly', paths.stateDir]);
    try {
      const r = await runLab(['run', '--', 'true'], { env });
      expect(r.code).toBe(1);
      expect(r.stderr).toBe(
        `container-lab: ${paths.stateDir} is not writable (read-only filesystem?). Free it or set CONTAINER_LAB_STATE_DIR to a writable place.\n`,
      );
    } finally {
      execFileSync('umount', [paths.stateDir]);
    }
  });

  it('a state directory that is a symlink: refused, and nothing is written where it points', async () => {
    removeAll();
    fs.mkdirSync(`${paths.stateDir}-target`, { mode: 0o700 });
    fs.symlinkSync(`${paths.stateDir}-target`, paths.stateDir);
    const r = await runLab(['lesson', 'pid-namespace', '--plain', '--solve'], { env });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      `container-lab: ${paths.stateDir} is a symlink. The lab keeps root-owned state there and will not follow a link: remove it (rm ${paths.stateDir}) and start again.\n`,
    );
    expect(fs.readdirSync(`${paths.stateDir}-target`)).toEqual([]);
  });

  it('a damaged rootfs cache is rebuilt on the next start, and the container runs', async () => {
    removeAll();
    expect((await runLab(['run', '--', 'true'], { env })).code).toBe(0);
    const layers = path.join(paths.stateDir, 'layers');
    const [base] = fs.readdirSync(layers).filter((l) => l.startsWith('base-'));
    const sh = path.join(layers, base!, 'diff', 'bin', 'sh');
    const passwd = path.join(layers, base!, 'diff', 'etc', 'passwd');
    const passwdText = fs.readFileSync(passwd, 'utf8');
    fs.rmSync(sh);
    fs.writeFileSync(passwd, passwdText.slice(0, 10)); // cut short, as by a full disk

    const r = await runLab(['run', '--verbose', '--', 'sh', '-c', 'echo rebuilt; head -1 /etc/passwd'], { env });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(`rebuilt\n${passwdText.split('\n')[0]}\n`);
    // the damaged layer was moved aside in one rename, and the trash removed
    expect(r.stderr).toMatch(new RegExp(`rename\\("${layers}/${base}", "${layers}/\\.trash-${base}-`));
    expect(fs.existsSync(sh)).toBe(true);
    expect(fs.readFileSync(passwd, 'utf8')).toBe(passwdText);
    expect(fs.readdirSync(layers).filter((l) => l.startsWith('.'))).toEqual([]);
  }, 60_000);

  it('a stale ledger naming resources that no longer exist is reconciled quietly', async () => {
    removeAll();
    fs.mkdirSync(paths.runDir, { recursive: true, mode: 0o700 });
    const gone = [
      { kind: 'dir', path: path.join(paths.stateDir, 'containers', 'gone1') },
      { kind: 'cgroup', name: 'gone1' },
      { kind: 'mount', target: path.join(paths.stateDir, 'containers', 'gone1', 'merged') },
      { kind: 'link', name: `${paths.linkPrefix}vgone1` },
      { kind: 'rule', family: 'nft', table: `${paths.linkPrefix}_gone` },
      { kind: 'process', pid: 2 ** 22 - 1, startTime: '1', what: 'shim' },
    ];
    fs.writeFileSync(
      path.join(paths.runDir, 'ledger.jsonl'),
      gone.map((entry, i) => JSON.stringify({ op: 'add', id: String(i + 1), entry }) + '\n').join(''),
      { mode: 0o600 },
    );
    // a crash also cuts the last line short
    fs.appendFileSync(path.join(paths.runDir, 'ledger.jsonl'), '{"op":"add","id":"7","entry":{"kind":"di');
    const r = await runLab(['run', '--', 'sh', '-c', 'echo ran'], { env });
    expect({ code: r.code, stdout: r.stdout, stderr: r.stderr }).toEqual({ code: 0, stdout: 'ran\n', stderr: '' });
    expect(fs.existsSync(path.join(paths.runDir, 'ledger.jsonl'))).toBe(false);
  }, 60_000);
});
