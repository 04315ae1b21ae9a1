/**
 * A host that lacks something a lesson needs: the doctor names it with the fix, and a lesson step
 * that needs it is skipped with that sentence instead of failing half-way.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectCgroups } from '../../src/cgroups/index.js';
import { checkCgroupControllers, checkOverlay } from '../../src/doctor/checks.js';
import { LessonSession } from '../../src/lessons/engine/session.js';
import { installCommandFor } from '../../src/doctor/host-programs.js';
import type { HostProgram } from '../../src/doctor/host-programs.js';
import { hostProgramFindings } from '../../src/lessons/host-check.js';
import { featureCheck } from '../../src/lessons/lab-runtime.js';
import { defaultLessonsDir, loadLessons } from '../../src/lessons/load-lessons.js';
import type { ContainerRuntime } from '../../src/runtime/api.js';
import { CLI, labEnv, presentLessons, useTier } from '../helpers/lab.js';
import { describeTier } from '../helpers/tier.js';

const labPaths = useTier('reliability');
const fixtures = path.resolve('test/bad-input/fixtures');

describe('bad input: the host lacks a feature', () => {
  it('overlayfs unavailable: the doctor says how to load it', () => {
    const finding = checkOverlay(path.join(fixtures, 'proc-without-overlay'));
    expect(finding).toMatchObject({ id: 'overlay', status: 'warn' });
    expect(finding.detail).toMatch(/^overlay is not in \/proc\/filesystems/);
    expect(finding.fix).toBe('Load it with `sudo modprobe overlay`; the lab also loads it on first mount if the module exists.');
  });

  it('a cgroup controller missing: the doctor names it, and the steps that need it are skipped with that sentence', async () => {
    const mountinfo = fs.readFileSync(path.join(fixtures, 'mountinfo-v1-without-pids.txt'), 'utf8');
    const findings = checkCgroupControllers(() => detectCgroups({ mountinfo }));
    expect(findings.map((f) => [f.id, f.status])).toEqual([
      ['cgroup-memory', 'ok'],
      ['cgroup-pids', 'fail'],
      ['cgroup-cpu', 'ok'],
    ]);
    const pids = findings.find((f) => f.id === 'cgroup-pids')!;
    expect(pids.detail).toBe('missing: no v1 hierarchy carries pids');
    expect(pids.fix).toBe('The cgroups lesson skips its pids.max steps; the others still run.');

    const lesson = presentLessons().find((l) => l.id === 'cgroups');
    if (!lesson) return; // the lesson is not here yet: the finding above is the whole check
    // The runtime must never be asked for anything: a skipped step runs nothing.
    const runtime = new Proxy({ onEvent: () => () => {} } as unknown as ContainerRuntime, {
      get(target, prop) {
        if (prop === 'onEvent') return Reflect.get(target, prop);
        throw new Error(`a skipped step used the runtime (${String(prop)})`);
      },
    });
    const session = new LessonSession({ lesson, runtime, missingFeature: featureCheck(findings) });
    const index = lesson.steps.findIndex((s) => s.requires.includes('cgroup-pids'));
    expect(index).toBeGreaterThanOrEqual(0);
    const result = await session.runStep(index);
    expect(result.status).toBe('skipped');
    expect(result.message).toBe(
      'This step cannot run on this host: cgroup pids controller: missing: no v1 hierarchy carries pids. The cgroups lesson skips its pids.max steps; the others still run.',
    );
    expect(result.events).toEqual([]);
  });
});

describe('bad input: host programs a lesson step runs are missing', () => {
  const lessons = loadLessons(defaultLessonsDir()).lessons;
  const host = (...gone: HostProgram[]) => ({
    missingFeature: () => undefined,
    programs: { has: (p: HostProgram) => !gone.includes(p), installCommand: (p: HostProgram) => installCommandFor(p, 'dnf', true) },
  });

  it('the doctor lists the steps that will be skipped, one finding per command that fixes them', () => {
    expect(hostProgramFindings(lessons, host('nft', 'iptables'))).toEqual([
      {
        id: 'host-programs',
        title: 'host programs for lesson steps',
        status: 'warn',
        detail: '1 step will be skipped, veth-bridge/publish: it runs `nft` or `iptables`, and neither is installed',
        fix: '`sudo dnf install nftables`: then this step runs instead of being skipped.',
        steps: ['veth-bridge/publish'],
      },
    ]);
    const two = hostProgramFindings(lessons, host('nft', 'iptables', 'unshare'));
    expect(two.map((f) => [f.fix, f.steps])).toEqual([
      [
        '`sudo dnf install util-linux`: then these steps run instead of being skipped.',
        ['mount-namespace/propagation-leak', 'mount-namespace/propagation-private'],
      ],
      ['`sudo dnf install nftables`: then this step runs instead of being skipped.', ['veth-bridge/publish']],
    ]);
  });

  it('with every program there, one ok finding names them', () => {
    expect(hostProgramFindings(lessons, host())).toEqual([
      {
        id: 'host-programs',
        title: 'host programs for lesson steps',
        status: 'ok',
        steps: [],
        detail: 'every lesson step has the host programs it runs (ip, bridge, nsenter, unshare, mount, nft, iptables)',
      },
    ]);
  });
});

describeTier('bad input: nft and iptables missing', { root: true, cli: true }, () => {
  it('`doctor` names the publish step and the command that installs nft, and still exits 0', () => {
    // A PATH with every program of the usual directories except nft and iptables.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clab-nonft-'));
    try {
      for (const from of ['/usr/local/sbin', '/usr/local/bin', '/usr/sbin', '/usr/bin', '/sbin', '/bin']) {
        if (!fs.existsSync(from)) continue;
        for (const name of fs.readdirSync(from)) {
          if (!['nft', 'iptables'].includes(name) && !fs.existsSync(path.join(dir, name)))
            fs.symlinkSync(path.join(from, name), path.join(dir, name));
        }
      }
      const out = execFileSync(process.execPath, [CLI, 'doctor'], { env: { ...labEnv(labPaths), PATH: dir }, encoding: 'utf8' });
      expect(out).toMatch(
        /^warn {2}host programs for lesson steps: 1 step will be skipped, veth-bridge\/publish: it runs `nft` or `iptables`, and neither is installed\n {6}→ `(sudo )?(apt|dnf|pacman( -S)?) (install )?nftables`: then this step runs instead of being skipped\.$/m,
      );
      const json = JSON.parse(
        execFileSync(process.execPath, [CLI, 'doctor', '--json'], { env: { ...labEnv(labPaths), PATH: dir }, encoding: 'utf8' }),
      ) as { findings: Array<{ id: string; steps?: string[] }> };
      expect(json.findings.find((f) => f.id === 'host-programs')?.steps).toEqual(['veth-bridge/publish']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describeTier('bad input: util-linux and iproute2 missing', { root: true, cli: true }, () => {
  it('the doctor names the missing tools and the packages to install, and fails', () => {
    // A mount namespace of our own in which /usr/bin and /usr/sbin are empty: the host has no
    // util-linux and no iproute2 there. Node itself is bind-mounted aside first, to start the lab.
    const aside = fs.mkdtempSync(path.join(os.tmpdir(), 'clab7-tools-'));
    fs.writeFileSync(path.join(aside, 'node'), '');
    const script =
      'mount --bind "$1" "$2/node" && mount -t tmpfs none /usr/sbin && mount -t tmpfs none /usr/bin && shift 2 && exec "$0/node" "$@"';
    let out = '';
    let status = 0;
    try {
      out = execFileSync(
        'unshare',
        ['--mount', '--propagation', 'private', '/bin/sh', '-c', script, aside, process.execPath, aside, CLI, 'doctor'],
        { env: labEnv(labPaths), encoding: 'utf8' },
      );
    } catch (err) {
      const e = err as { status: number; stdout: string };
      status = e.status;
      out = e.stdout;
    } finally {
      fs.rmSync(aside, { recursive: true, force: true });
    }
    expect(status).toBe(1);
    expect(out).toContain(
      "warn  util-linux tools: missing: nsenter, unshare, mount\n      → Install util-linux (`sudo apt install util-linux`): the lab runs `ip` inside containers' network namespaces with nsenter, and the mount lesson's propagation steps use unshare and mount.\n",
    );
    expect(out).toContain(
      'FAIL  iproute2 tools: missing: ip, bridge\n      → Install iproute2 (`sudo apt install iproute2`) for the veth + bridge lesson.\n',
    );
    expect(out).toContain(
      'FAIL  lab subnet: cannot read the host routes: `ip` is missing\n      → Install iproute2 (`sudo apt install iproute2`).\n',
    );
    // The steps that run them are named with the one command that installs each (no sudo is left on PATH).
    expect(out).toMatch(
      /^warn {2}host programs for lesson steps: \d+ steps will be skipped, .*veth-bridge\/bridge, .*: they run `ip`, which is not installed\n {6}→ `apt install iproute2`: then these steps run instead of being skipped\.$/m,
    );
    expect(out).toMatch(
      /^warn {2}host programs for lesson steps: 2 steps will be skipped, mount-namespace\/propagation-leak, mount-namespace\/propagation-private: they run `unshare`, which is not installed\n {6}→ `apt install util-linux`: then these steps run instead of being skipped\.$/m,
    );
  });
});
