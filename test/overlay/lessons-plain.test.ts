/**
 * The three filesystem lessons through the shipped binary, `container-lab lesson <id> --plain`, as
 * root: the kernel's answers in the output, the same facts from independent tools where they
 * outlive the run (the cached lower layers), and nothing left behind afterwards.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { CLI } from '../helpers/lab.js';
import { describeTier } from '../helpers/tier.js';

const cgroupParent = 'container-lab-t4';

describeTier('filesystem lessons through container-lab lesson <id> --plain', { root: true, cli: true }, () => {
  let root = '';
  let env: NodeJS.ProcessEnv;
  beforeAll(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'clab4-plain-'));
    env = {
      ...process.env,
      CONTAINER_LAB_STATE_DIR: path.join(root, 'state'),
      CONTAINER_LAB_RUN_DIR: path.join(root, 'run'),
      CONTAINER_LAB_CGROUP_PARENT: cgroupParent,
      CONTAINER_LAB_LINK_PREFIX: 'clab4',
      NO_COLOR: '1',
    };
  });
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  const runLesson = (id: string): string => {
    const r = spawnSync(process.execPath, [CLI, 'lesson', id, '--plain', '--solve'], { env, encoding: 'utf8', timeout: 120_000 });
    expect(r.status, `${id} --plain failed:\n${r.stdout}\n${r.stderr}`).toBe(0);
    expectNoResidue();
    return r.stdout;
  };

  /** The section of the output for one step, from its header to the next. */
  const stepOf = (out: string, id: string): string => {
    const start = out.indexOf(`[${id}]`);
    expect(start, `step ${id} in the output`).toBeGreaterThan(-1);
    const next = out.indexOf('\nStep ', start);
    return out.slice(start, next === -1 ? undefined : next);
  };

  const layerFile = (layer: string, rel: string): string => {
    const dir = fs.readdirSync(path.join(root, 'state/layers')).find((d) => d.startsWith(`${layer}-`));
    return path.join(root, 'state/layers', dir ?? layer, 'diff', rel);
  };
  const sha12 = (file: string) => execFileSync('sha256sum', [file], { encoding: 'utf8' }).slice(0, 12);
  const ino = (file: string) => execFileSync('stat', ['-c', '%i', file], { encoding: 'utf8' }).trim();

  function expectNoResidue(): void {
    const mounts = fs.readFileSync('/proc/self/mountinfo', 'utf8');
    expect(mounts).not.toContain(root);
    expect(execFileSync('findmnt', ['-rn', '-o', 'TARGET'], { encoding: 'utf8' })).not.toContain(root);
    const containers = path.join(root, 'state/containers');
    expect(fs.existsSync(containers) ? fs.readdirSync(containers) : []).toEqual([]);
    expect(fs.existsSync(path.join(root, 'state/propagation')) ? fs.readdirSync(path.join(root, 'state/propagation')) : []).toEqual([]);
    const ledger = path.join(root, 'run/ledger.jsonl');
    expect(fs.existsSync(ledger) ? fs.readFileSync(ledger, 'utf8') : '').toBe('');
    for (const hierarchy of fs.readdirSync('/sys/fs/cgroup')) {
      expect(fs.existsSync(path.join('/sys/fs/cgroup', hierarchy, cgroupParent)), `cgroup ${hierarchy}/${cgroupParent}`).toBe(false);
    }
  }

  it('mount-namespace: a tmpfs stays inside, a shared mount leaks and is put back, chroot is escaped, pivot_root holds', () => {
    const out = runLesson('mount-namespace');
    expect(out).toContain('Every step of "Mount namespace" ran.');
    const tmpfs = stepOf(out, 'tmpfs-inside');
    const hostPane = tmpfs.slice(tmpfs.indexOf('\nHost: '), tmpfs.indexOf('\nContainer: '));
    const containerPane = tmpfs.slice(tmpfs.indexOf('\nContainer: '));
    expect(containerPane).toMatch(/^\s+\/mnt\s+tmpfs\s+clab-inside\s+private$/m);
    expect(hostPane).not.toContain('clab-inside');

    const leak = stepOf(out, 'propagation-leak');
    expect(leak).toMatch(/propagation\/demo\s+ext4?\S*\s+\S+\s+shared:(\d+)/);
    expect(leak).toMatch(/propagation\/demo\/inside\s+tmpfs\s+clab-demo/);
    expect(leak).toMatch(/umount2\(".*propagation\/demo\/inside", MNT_DETACH\) = 0/);
    expect(stepOf(out, 'propagation-private')).not.toMatch(/propagation\/demo\/inside\s+tmpfs/);

    const escapeStep = stepOf(out, 'chroot-escape');
    const after = /after the attempt:\s+ls \/ → (.*?)\s{3}\((.*)\)$/m.exec(escapeStep);
    // The independent view of the host's /, from this test process.
    expect(after?.[1]?.split(' ')).toEqual(fs.readdirSync('/').sort());
    expect(escapeStep).toMatch(/^\s+\| escaped:/m);
    const pivot = stepOf(out, 'pivot-root');
    expect(pivot).toMatch(/pivot_root\("\.", "\."\) = 0/);
    expect(pivot).toMatch(/^\s+\| not escaped:/m);
    expect(pivot).toMatch(/after the attempt:\s+ls \/ → bin .*\(container-lab/);
  });

  it('overlay: reads do not copy, the first write copies the whole file up, lower layers unchanged', () => {
    const out = runLesson('overlay');
    expect(out).toContain('Every step of "Overlay copy-on-write" ran.');
    const settings = layerFile('app', 'app/config/settings.conf');
    const appRow = new RegExp(`^\\s+app\\s+-rw-r--r--\\s+${ino(settings)}\\s+\\d+\\s+${sha12(settings)}`, 'm');
    const read = stepOf(out, 'read');
    expect(read).toMatch(appRow);
    expect(read).toMatch(/^\s+upper\s+\(absent\)/m);
    const copyUp = stepOf(out, 'copy-up');
    expect(copyUp).toMatch(appRow); // the lower copy, checked against sha256sum and stat of the cached layer
    const upper = /^\s+upper\s+-rw-r--r--\s+(\d+)\s+(\d+)\s+([0-9a-f]{12})\s+overlay\.origin=/m.exec(copyUp);
    expect(upper?.[3]).not.toBe(sha12(settings));
    const again = stepOf(out, 'append-again');
    expect(again).toMatch(new RegExp(`^\\s+upper\\s+-rw-r--r--\\s+${upper?.[1]}\\s`, 'm'));

    const openMs = (step: string) => Number(/open for writing: ([\d.]+) ms/.exec(stepOf(out, step))?.[1]);
    const first = openMs('copy-up-cost');
    const second = openMs('copy-up-cost-again');
    console.log(`overlay lesson: open for writing of the 32 MiB lower file ${first} ms, then ${second} ms`);
    expect(first).toBeGreaterThan(10 * second);

    // The lesson's container (its own overlay of the same layers), overlay-a's layers and its merged
    // view, and stat(1) on the cached layer file: one inode.
    const osRelease = layerFile('base', 'etc/os-release');
    const shared = stepOf(out, 'shared-lower');
    expect(shared).toMatch(new RegExp(`^\\s+\\| ${ino(osRelease)} /etc/os-release$`, 'm'));
    expect(shared.match(new RegExp(`^\\s+base\\s+-rw-r--r--\\s+${ino(osRelease)}\\s`, 'gm'))).toHaveLength(2);
  });

  it('whiteouts: char 0:0 in upper, an opaque directory, the OCI layer equal to merged', () => {
    const out = runLesson('whiteouts');
    expect(out).toContain('Every step of "Whiteouts" ran.');
    expect(stepOf(out, 'delete-file')).toMatch(/^\s+colors\.txt\s+c---------\s+0, 0\s+whiteout$/m);
    const colors = layerFile('app', 'app/data/colors.txt');
    const device = stepOf(out, 'whiteout-device');
    expect(device).toMatch(new RegExp(`^\\s+app\\s+-rw-r--r--\\s+${ino(colors)}\\s+\\d+\\s+${sha12(colors)}`, 'm'));
    expect(device).toMatch(/^\s+upper\s+c---------\s+\d+\s+0\s+0:0/m);
    expect(stepOf(out, 'opaque')).toMatch(/^\s+upper\s+drwxr-xr-x.*overlay\.opaque=y/m);
    expect(stepOf(out, 'rename-file')).toMatch(/^\s+users\.csv\s+c---------\s+0, 0\s+whiteout$/m);
    expect(stepOf(out, 'your-whiteout')).toContain('Check: passed.');
    const exported = stepOf(out, 'export');
    expect(exported).toMatch(/app\/data\/\.wh\.colors\.txt\s+← deletes app\/data\/colors\.txt/);
    expect(exported).toMatch(/app\/config\/\.wh\.\.wh\.\.opq\s+← clears app\/config/);
    expect(exported).toContain('every path, type, mode, owner and sha256 is the same');
    const redirectDir = fs.readFileSync('/sys/module/overlay/parameters/redirect_dir', 'utf8').trim();
    const renameDir = stepOf(out, 'rename-dir');
    if (redirectDir === 'N') expect(renameDir).toContain('the kernel answered EXDEV');
    else expect(renameDir).toMatch(/redirect=/);
    expect(stepOf(out, 'delete-dir')).toContain('rm -r app/config through merged: 7 calls (2 getdents64, 3 unlink, 2 rmdir)');
  });

  describeTier('held against strace', { programs: ['strace'] }, () => {
    it('whiteouts: every call that changes something through merged is in what ran, as strace -f saw it', () => {
      const log = path.join(root, 'strace.log');
      const r = spawnSync(
        'strace',
        [
          '-f',
          '-qq',
          '-e',
          'signal=none',
          '-e',
          'trace=%file',
          '-o',
          log,
          process.execPath,
          CLI,
          'lesson',
          'whiteouts',
          '--json',
          '--solve',
        ],
        { env, encoding: 'utf8', timeout: 180_000 },
      );
      expect(r.status, r.stderr).toBe(0);
      expectNoResidue();
      const merged = /"([^"]*\/overlay-w\/merged\/[^"]*)"/;
      // What strace saw change through merged: removals, renames, new directories, opens for writing.
      const changes = /^\d+\s+(unlink|unlinkat|rmdir|mkdir|mkdirat|rename|renameat|renameat2|openat)\((.*)$/;
      const seen = fs
        .readFileSync(log, 'utf8')
        .split('\n')
        .flatMap((line) => {
          const m = line.match(changes);
          const file = line.match(merged)?.[1];
          if (!m || !file || (m[1] === 'openat' && !/O_WRONLY|O_RDWR|O_CREAT/.test(line))) return [];
          const result = line.match(/= (-?\d+)( E[A-Z]+)?/);
          // unlinkat, mkdirat and renameat2 are the same calls as the lab names them.
          const name = m[1] === 'openat' ? 'openat' : m[1]!.replace(/at2?$/, '');
          return [`${name} ${file} ${result?.[2] ? `-1${result[2]}` : 'ok'}`];
        });
      const shown = r.stdout
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l))
        .filter(
          (e) =>
            e.type === 'primitive' && ['unlink', 'rmdir', 'mkdir', 'rename', 'openat'].includes(e.name) && merged.test(e.args[0] ?? ''),
        )
        .filter((e) => e.name !== 'openat' || /O_WRONLY|O_RDWR|O_CREAT/.test(e.args[1] ?? ''))
        .map((e) => `${e.name} ${JSON.parse(e.args[0])} ${e.ok ? 'ok' : e.result}`);
      expect(seen.length).toBeGreaterThan(5);
      expect(shown.sort()).toEqual(seen.sort());
      expect(seen.filter((s) => s.includes('ENOTEMPTY'))).toEqual([]);
    }, 240_000);
  });
});
