/**
 * The oracle's reading of strace output and its matching of lab events, on fixed lines: a bug here
 * would make the oracle tier agree with anything, so it is tested on its own.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { matchArgs } from './claims/syscall-args.js';
import { readStraceLog, sameText, splitArgs, unquote } from './strace-log.js';

const GATE = '/tmp/x/gate';

function log(lines: string[]) {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'oracle-unit-')), 'strace.log');
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
  try {
    return readStraceLog(file, GATE);
  } finally {
    fs.rmSync(path.dirname(file), { recursive: true });
  }
}

describe('strace log', () => {
  it('joins an interrupted call, reads errnos and fd notes, and splits steps at the gate', () => {
    const l = log([
      '10 mount("none", "/mnt", "tmpfs", MS_SILENT, NULL <unfinished ...>',
      '11 unshare(CLONE_NEWPID) = 0',
      '10 <... mount resumed>) = -1 EPERM (Operation not permitted)',
      `10 openat(AT_FDCWD</w>, "${GATE}", O_RDONLY|O_CLOEXEC) = 22<${GATE}>`,
      '11 write(25</sys/fs/cgroup/x/cgroup.procs>, "42", 2) = 2',
      '11 +++ exited with 3 +++',
      '12 +++ killed by SIGKILL +++',
    ]);
    expect(l.gates).toBe(1);
    const mount = l.calls.find((c) => c.name === 'mount')!;
    expect(mount).toMatchObject({
      pid: 10,
      errno: 'EPERM',
      ret: '-1',
      step: 0,
      args: ['"none"', '"/mnt"', '"tmpfs"', 'MS_SILENT', 'NULL'],
    });
    expect(l.calls.find((c) => c.name === 'write')).toMatchObject({ step: 1, ret: '2' });
    expect(l.calls.find((c) => c.name === 'openat')?.ret).toBe('22');
    expect(l.ends.get(11)).toBe('exit 3');
    expect(l.ends.get(12)).toBe('signal SIGKILL');
  });

  it('splits arguments at top-level commas only, and unquotes C escapes', () => {
    expect(splitArgs('"a, b", [1, 2], {x=1, y=2}, 3<p:[1]>')).toEqual(['"a, b"', '[1, 2]', '{x=1, y=2}', '3<p:[1]>']);
    expect(unquote('"l1\\nl2\\t\\"q\\"\\0"')).toBe('l1\nl2\t"q"\0');
    expect(sameText('abcdef', '"abc"...')).toBe(true);
    expect(sameText('abcdef', '"abc"')).toBe(false);
  });
});

describe('matching a lab event with a traced call', () => {
  const call = (name: string, args: string[], ret = '0') => ({ pid: 1, name, args, ret, step: 0 });

  it('compares flags as sets and strings exactly', () => {
    const traced = call('mount', ['NULL', '"/"', 'NULL', 'MS_REC|MS_PRIVATE', 'NULL']);
    expect(matchArgs('mount', ['NULL', '"/"', 'NULL', 'MS_PRIVATE|MS_REC', 'NULL'], traced)).toBe(true);
    expect(matchArgs('mount', ['NULL', '"/"', 'NULL', 'MS_PRIVATE', 'NULL'], traced)).toBe(false);
    expect(matchArgs('mount', ['NULL', '"/mnt"', 'NULL', 'MS_REC|MS_PRIVATE', 'NULL'], traced)).toBe(false);
  });

  it("reads the *at variants and unlinkat's AT_REMOVEDIR", () => {
    expect(matchArgs('rmdir', ['"/a"'], call('unlinkat', ['AT_FDCWD', '"/a"', 'AT_REMOVEDIR']))).toBe(true);
    expect(matchArgs('unlink', ['"/a"'], call('unlinkat', ['AT_FDCWD', '"/a"', 'AT_REMOVEDIR']))).toBe(false);
    expect(
      matchArgs('openat', ['"/f"', 'O_WRONLY|O_APPEND'], call('openat', ['AT_FDCWD</w>', '"/f"', 'O_WRONLY|O_APPEND|O_CLOEXEC'])),
    ).toBe(true);
  });
});
