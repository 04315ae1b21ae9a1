import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffMountTables, newMounts } from '../../src/mounts/diff.js';
import { findMount, parseMountinfo, parseMountLine, propagationFields, propagationName } from '../../src/mounts/mountinfo.js';
import { describeTier } from '../helpers/tier.js';

const fixture = (name: string) => fs.readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const host = parseMountinfo(fixture('systemd-host.mountinfo'));
const container = parseMountinfo(fixture('container.mountinfo'));

describe('mountinfo', () => {
  it('parses every field of a line', () => {
    expect(parseMountLine('36 35 98:0 /mnt1 /mnt/parent rw,noatime master:1 - ext3 /dev/root rw,errors=continue')).toEqual({
      id: 36,
      parentId: 35,
      dev: '98:0',
      root: '/mnt1',
      mountPoint: '/mnt/parent',
      options: ['rw', 'noatime'],
      propagation: { master: 1 },
      fstype: 'ext3',
      source: '/dev/root',
      superOptions: ['rw', 'errors=continue'],
      line: '36 35 98:0 /mnt1 /mnt/parent rw,noatime master:1 - ext3 /dev/root rw,errors=continue',
    });
  });

  it('reads optional fields and names the propagation as findmnt does', () => {
    const row = (p: string) => findMount(host, p)!;
    expect(row('/').propagation).toEqual({ shared: 1 });
    expect(propagationName(row('/').propagation)).toBe('shared');
    expect(row('/mnt/slave').propagation).toEqual({ master: 1, propagateFrom: 2 });
    expect(propagationName(row('/mnt/slave').propagation)).toBe('slave');
    expect(propagationFields(row('/mnt/slave').propagation)).toBe('master:1 propagate_from:2');
    expect(propagationName(row('/mnt/nobind').propagation)).toBe('private,unbindable');
    expect(propagationName({ shared: 3, master: 2 })).toBe('shared,slave');
    expect(propagationName(container[0]!.propagation)).toBe('private');
  });

  it('unescapes paths and keeps bind-mount roots', () => {
    expect(findMount(host, '/media/My Disk')?.fstype).toBe('fuseblk');
    expect(findMount(host, '/mnt/bind')?.root).toBe('/srv/export');
    expect(findMount(host, '/var/lib/docker/overlay2/abc/merged')?.superOptions).toContain('upperdir=/var/lib/docker/overlay2/abc/diff');
  });

  it('refuses a line that is not mountinfo', () => {
    expect(() => parseMountinfo('not a mount table\n')).toThrow(/Not a mountinfo line/);
  });
});

describe('comparing two mount tables', () => {
  it('matches by mount point and says what differs', () => {
    const rows = diffMountTables(host, container);
    const row = (k: string) => rows.find((r) => r.key === k)!;
    expect(row('/').status).toBe('changed');
    expect(row('/').changes).toContain('fstype ext4 ≠ overlay');
    expect(row('/').changes).toContain('propagation shared:1 ≠ private');
    expect(row('/boot/efi').status).toBe('only-left');
    expect(row('/proc/sys').status).toBe('only-right');
    expect(row('/mnt').status).toBe('only-right');
    expect(diffMountTables(host, host).every((r) => r.status === 'same')).toBe(true);
  });

  it('keys mounts stacked on one point by their order', () => {
    const stacked = parseMountinfo(`${fixture('container.mountinfo')}617 616 0:64 / /mnt rw - tmpfs second rw\n`);
    const rows = diffMountTables(container, stacked);
    expect(rows.find((r) => r.key === '/mnt#2')?.status).toBe('only-right');
    expect(newMounts(container, stacked).map((r) => r.source)).toEqual(['second']);
  });
});

describeTier('mountinfo against findmnt, in a private mount namespace', { root: true }, () => {
  it('reads shared, slave and unbindable mounts exactly as findmnt -J does', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clab4-mi-'));
    try {
      for (const d of ['x', 'y', 'z', 'with space']) fs.mkdirSync(path.join(dir, d));
      // Everything happens in a new mount namespace made private first: it dies with the shell.
      const script = [
        'set -e',
        'cd "$1"',
        'mount -t tmpfs clab4x x',
        'mount --make-shared x',
        'mount --bind x y',
        'mount --make-slave y',
        'mount --make-shared y',
        'mount -t tmpfs clab4z z',
        'mount --make-unbindable z',
        'mount -t tmpfs clab4s "with space"',
        'cat /proc/self/mountinfo',
        'echo ===',
        'findmnt --list -J -o ID,PARENT,MAJ:MIN,FSROOT,TARGET,PROPAGATION,FSTYPE,SOURCE',
      ].join('\n');
      const out = execFileSync('unshare', ['--mount', '--propagation', 'private', 'sh', '-c', script, 'sh', dir], { encoding: 'utf8' });
      const [mountinfo = '', json = ''] = out.split('===\n');
      const ours = parseMountinfo(mountinfo);
      const theirs = (JSON.parse(json) as { filesystems: Array<Record<string, string | number>> }).filesystems;
      expect(ours.length).toBe(theirs.length);
      for (const fm of theirs) {
        const row = ours.find((r) => r.id === fm.id);
        expect(row, `mount ${fm.id}`).toBeDefined();
        expect({
          parent: row!.parentId,
          dev: row!.dev,
          root: row!.root,
          target: row!.mountPoint,
          prop: propagationName(row!.propagation),
          fstype: row!.fstype,
        }).toEqual({ parent: fm.parent, dev: fm['maj:min'], root: fm.fsroot, target: fm.target, prop: fm.propagation, fstype: fm.fstype });
      }
      const x = findMount(ours, path.join(dir, 'x'))!;
      const y = findMount(ours, path.join(dir, 'y'))!;
      expect(y.propagation.master).toBe(x.propagation.shared);
      expect(findMount(ours, path.join(dir, 'with space'))?.source).toBe('clab4s');
      expect(fs.readFileSync('/proc/self/mountinfo', 'utf8')).not.toContain(dir);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
