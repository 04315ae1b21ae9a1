/**
 * The shipped busybox against what the lab runs inside containers: every program in
 * CONTAINER_PROGRAMS is one of its applets, its `sh` has every SHELL_FEATURE, and every program a
 * lesson or an action starts inside a container is in CONTAINER_PROGRAMS. Then what doctor says
 * for each binary source. No root needed: the binary runs here as a plain program.
 */
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { checkRootfsSource } from '../../src/doctor/checks.js';
import { busyboxApplets } from '../../src/rootfs/container-programs.js';
import {
  CONTAINER_PROGRAMS,
  SHELL_FEATURES,
  defaultDefinitionsDir,
  findHostTools,
  findShippedBusybox,
  lostInContainer,
  readElf,
  isStaticExecutable,
  shellLacks,
  type BinarySource,
} from '../../src/rootfs/index.js';
import { describeTier } from '../helpers/tier.js';
import { shippedBusyboxReason } from './real-tier.js';

const shipped = findShippedBusybox(defaultDefinitionsDir());
const names = CONTAINER_PROGRAMS.map((p) => p.name);
const tmp = mkdtempSync(path.join(os.tmpdir(), 'clab-programs-test-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describeTier(`the busybox shipped for ${process.arch}`, { also: shippedBusyboxReason }, () => {
  it('has every program the lab runs inside a container', () => {
    const applets = busyboxApplets(shipped!.path);
    expect(names.filter((name) => !applets.includes(name))).toEqual([]);
  });

  it('has a sh with every shell feature a step relies on (read -t, prompt escapes)', () => {
    expect(shellLacks([shipped!.path, 'sh']).map((f) => f.what)).toEqual([]);
  });

  it('has the same applets as the binaries for the other architectures, which cannot run here', () => {
    // busybox keeps its applet names as one table of NUL-terminated strings, in `--list` order.
    const table = Buffer.from(`${busyboxApplets(shipped!.path).join('\0')}\0`);
    for (const arch of ['x64', 'arm64'] as const) {
      const other = findShippedBusybox(defaultDefinitionsDir(), arch)!;
      expect(readFileSync(other.path).includes(table), other.path).toBe(true);
    }
  });
});

describe('the shipped binaries', () => {
  it('are static executables for their architecture, matching SHA256SUMS', () => {
    const machines = { x64: 62, arm64: 183 } as const; // EM_X86_64, EM_AARCH64
    for (const [arch, machine] of Object.entries(machines)) {
      const found = findShippedBusybox(defaultDefinitionsDir(), arch as NodeJS.Architecture);
      expect(found, arch).toBeDefined();
      const elf = readElf(found!.path)!;
      expect(elf.machine, arch).toBe(machine);
      expect(isStaticExecutable(elf), arch).toBe(true);
    }
    expect(findShippedBusybox(defaultDefinitionsDir(), 'riscv64')).toBeUndefined();
  });
});

/** argv[0] of every exec/spawn/orphan in a lesson (and of `su … -c "<command>"`), and each container's command. */
function lessonPrograms(node: unknown, out: Set<string>): Set<string> {
  if (Array.isArray(node)) {
    for (const item of node) lessonPrograms(item, out);
  } else if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    const argv = Array.isArray(o.argv) ? o.argv.map(String) : undefined;
    if (argv && ['exec', 'spawn', 'orphan'].includes(String(o.action))) {
      out.add(path.basename(argv[0] ?? ''));
      if (argv[0] === 'su' && argv.includes('-c')) out.add(argv[argv.indexOf('-c') + 1]!.split(' ')[0]!);
    }
    if (Array.isArray(o.command)) out.add(path.basename(String(o.command[0])));
    for (const value of Object.values(o)) lessonPrograms(value, out);
  }
  return out;
}

describe('CONTAINER_PROGRAMS', () => {
  it('names every program a lesson runs inside a container', () => {
    const found = new Set<string>();
    for (const dir of readdirSync('lessons', { withFileTypes: true }).filter((d) => d.isDirectory())) {
      lessonPrograms(parse(readFileSync(path.join('lessons', dir.name, 'lesson.yaml'), 'utf8')), found);
    }
    expect(found).toContain('su');
    expect([...found].filter((p) => !names.includes(p))).toEqual([]);
  });

  it('names every program an action runs inside a container', () => {
    // `runtime.exec(c, ['touch', …])`, `const argv = ['ping', …]` before `runtime.spawn(from, argv)`,
    // the table of privileged tries (`argv: ['mount', …]`), and `for (const argv of [['mkdir', …], ['cp', …]])`.
    const found = new Set<string>();
    const dir = 'src/lessons/actions';
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
      const text = readFileSync(path.join(dir, file), 'utf8');
      for (const m of text.matchAll(/runtime\.(?:exec|spawn)\([^,]+,\s*\[\s*'([^']+)'|argv(?::| =) \[\s*'([^']+)'/g))
        found.add(m[1] ?? m[2]!);
      for (const m of text.matchAll(/for \(const argv of \[([\s\S]*?)\]\)/g)) {
        for (const first of m[1]!.matchAll(/\[\s*'([^']+)'/g)) found.add(first[1]!);
      }
    }
    for (const p of ['touch', 'cat', 'test', 'ping', 'nc', 'mount', 'mkdir', 'cp', 'su', 'sh', 'kill']) expect(found, p).toContain(p);
    expect([...found].filter((p) => !names.includes(p))).toEqual([]);
  });
});

describe('what a container lacks, by binary source', () => {
  const hostTools: BinarySource = { kind: 'host', tools: findHostTools() };
  const hostSh = hostTools.tools.find((t) => t.name === 'sh');
  const summary = (f: ReturnType<typeof checkRootfsSource>) => [f.status, f.detail];

  it("the host's own tools: the programs they do not include, and what the host's sh cannot do", () => {
    const lost = lostInContainer(hostTools);
    const hostNames = hostTools.tools.map((t) => t.name);
    expect(lost.filter((l) => l.startsWith('no ')).map((l) => l.split(' ')[1])).toEqual(names.filter((n) => !hostNames.includes(n)));
    expect(lost).toContain(`no nc (${CONTAINER_PROGRAMS.find((p) => p.name === 'nc')!.usedBy})`);
    if (hostSh && path.basename(realpathSync(hostSh.path)) === 'dash') {
      expect(lost.filter((l) => l.startsWith('dash has no'))).toEqual(SHELL_FEATURES.map((f) => `dash has no ${f.what} (${f.usedBy})`));
    }
  });

  it('doctor: ok for the shipped busybox, a warning naming the losses for a fallback, a failure for a damaged install', () => {
    if (shipped) {
      const ok = checkRootfsSource();
      expect(summary(ok)).toEqual(['ok', `the static busybox shipped with container-lab for ${process.arch}: ${shipped.path}`]);
    }
    const fallback = checkRootfsSource(() => hostTools);
    expect(fallback.status).toBe('warn');
    expect(fallback.detail).toMatch(
      new RegExp(
        `^container-lab ships no busybox for ${process.arch}; no static busybox on this host either; using \\d+ of this host's own tools with their libraries\\. Containers lack: .*no su \\(`,
      ),
    );
    expect(fallback.fix).toBe(
      'The steps that need these fail. Install a static busybox (Debian/Ubuntu: `sudo apt install busybox-static`): the lab builds containers from it when it ships none for this architecture.',
    );

    const noShell = checkRootfsSource(() => ({ kind: 'host', tools: [] }));
    expect(summary(noShell)).toEqual([
      'fail',
      `container-lab ships no busybox for ${process.arch}, and this host has no static busybox and no /bin/sh`,
    ]);

    const damaged = checkRootfsSource(() => {
      throw new Error('/x/rootfs/busybox/amd64/busybox does not match /x/rootfs/busybox/SHA256SUMS');
    });
    expect(damaged).toMatchObject({
      status: 'fail',
      detail: '/x/rootfs/busybox/amd64/busybox does not match /x/rootfs/busybox/SHA256SUMS',
      fix: 'Reinstall container-lab: the busybox it ships is damaged.',
    });
  });

  describeTier('a host busybox (the shipped one, standing in)', { also: shippedBusyboxReason }, () => {
    it('doctor: a host busybox is asked for its applets', () => {
      // A busybox that answers `--list` with most applets but not nc or su.
      const dir = path.join(tmp, 'partial');
      mkdirSync(dir);
      const fake = path.join(dir, 'busybox');
      writeFileSync(path.join(dir, 'applets'), `${names.filter((n) => n !== 'nc' && n !== 'su').join('\n')}\n`);
      writeFileSync(fake, `#!${shipped!.path} sh\n[ "$1" = --list ] && exec cat ${dir}/applets\nexec ${shipped!.path} "$@"\n`);
      chmodSync(fake, 0o755);
      const f = checkRootfsSource(() => ({ kind: 'busybox', origin: 'host', path: fake, sha256: '' }));
      expect(f.status).toBe('warn');
      expect(f.detail).toBe(
        `container-lab ships no busybox for ${process.arch}; using this host's static busybox at ${fake}. Containers lack: ` +
          ['nc', 'su'].map((n) => `no ${n} (${CONTAINER_PROGRAMS.find((p) => p.name === n)!.usedBy})`).join('; '),
      );
      expect(f.fix).toBe(`The steps that need these fail. Put a static busybox that has them earlier on PATH than ${fake}.`);

      const broken = path.join(dir, 'broken');
      writeFileSync(broken, `#!${shipped!.path} sh\necho no applets here >&2; exit 1\n`, { mode: 0o755 });
      const failed = checkRootfsSource(() => ({ kind: 'busybox', origin: 'host', path: broken, sha256: '' }));
      expect(summary(failed)).toEqual([
        'fail',
        `container-lab ships no busybox for ${process.arch}; using this host's static busybox at ${broken}, which failed: \`${broken} --list\` did not list its applets (no applets here)`,
      ]);

      const full = path.join(tmp, 'full');
      mkdirSync(full);
      copyFileSync(shipped!.path, path.join(full, 'busybox'));
      chmodSync(path.join(full, 'busybox'), 0o755);
      const whole = checkRootfsSource(() => ({
        kind: 'busybox',
        origin: 'host',
        path: path.join(full, 'busybox'),
        sha256: shipped!.sha256,
      }));
      expect(summary(whole)).toEqual([
        'ok',
        `container-lab ships no busybox for ${process.arch}; using this host's static busybox at ${path.join(full, 'busybox')}`,
      ]);
    });
  });
});
