/**
 * What actions declare about themselves, and how a step that needs a host program this host lacks
 * is skipped with the one sentence that names the program and the command that installs it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  findProgram,
  installCommandFor,
  missingProgramSentence,
  packageManagerOf,
  parseOsRelease,
} from '../../src/doctor/host-programs.js';
import type { HostProgram, HostPrograms } from '../../src/doctor/host-programs.js';
import { ACTIONS } from '../../src/lessons/actions/index.js';
import { holds, hostNeeds, startedProcess, startsContainer, waitsOnPurpose } from '../../src/lessons/actions/properties.js';
import { LessonSession } from '../../src/lessons/engine/session.js';
import { jsonStep } from '../../src/lessons/runner/print-json.js';
import { plainStep } from '../../src/lessons/runner/print-plain.js';
import { blockedSteps, needsOf, stepHostNeeds } from '../../src/lessons/host-check.js';
import { defaultLessonsDir, loadLessons } from '../../src/lessons/load-lessons.js';
import type { RunSpec } from '../../src/lessons/types.js';
import type { ContainerRuntime } from '../../src/runtime/api.js';

const { lessons } = loadLessons(defaultLessonsDir());
const lesson = (id: string) => lessons.find((l) => l.id === id)!;
const at = { file: '', line: 0, column: 0 };
const run = (action: string, args: RunSpec['args'] = {}): RunSpec => ({ action, args, at });

/** A host with exactly these programs, on Debian without sudo (this machine's case). */
function host(...present: HostProgram[]): HostPrograms {
  return { has: (p) => present.includes(p), installCommand: (p) => installCommandFor(p, 'apt', false) };
}
const ALL: HostProgram[] = ['ip', 'bridge', 'nsenter', 'unshare', 'mount', 'nft', 'iptables'];
const noFeatureMissing = { missingFeature: () => undefined };

describe('what actions declare', () => {
  it('every `when` names an argument of the action, with values that argument takes', () => {
    for (const a of Object.values(ACTIONS)) {
      const conditions = [a.waitsOnPurpose, ...(a.hostPrograms ?? []).map((n) => n.when)].filter((w) => w !== undefined && w !== true);
      for (const when of conditions as Array<Record<string, readonly string[]>>) {
        for (const [name, values] of Object.entries(when)) {
          const type = a.args[name]?.type;
          expect(type?.kind, `${a.name}: when names ${name}`).toBe('enum');
          if (type?.kind === 'enum')
            expect(
              values.filter((v) => !type.values.includes(v)),
              `${a.name}: ${name}`,
            ).toEqual([]);
        }
      }
    }
  });

  it('an action that starts a named process takes the name it is called by', () => {
    const starters = Object.values(ACTIONS).filter((a) => a.starts === 'process');
    expect(starters.map((a) => a.name).sort()).toEqual(['orphan', 'spawn']);
    for (const a of starters) expect(a.args.name?.type.kind).toBe('name');
    expect(startedProcess(run('spawn', { name: 'sleeper', argv: ['sleep', '1'] }))).toBe('sleeper');
    expect(startedProcess(run('exec', { argv: ['true'] }))).toBeUndefined();
    expect(startsContainer(run('start-container'))).toBe(true);
    expect(startsContainer(run('observe'))).toBe(false);
  });

  it('a property with a condition holds only for those arguments', () => {
    expect(waitsOnPurpose(run('signal', { expect: 'survives' }))).toBe(true);
    expect(waitsOnPurpose(run('signal', { expect: 'ends' }))).toBe(false);
    expect(waitsOnPurpose(run('observe'))).toBe(false);
    expect(holds({ op: ['ping'] }, { op: 'ping' })).toBe(true);
    expect(holds(undefined, {})).toBe(false);
    expect(hostNeeds(run('try-privileged', { op: 'ping' }))).toEqual([['ip'], ['nsenter']]);
    expect(hostNeeds(run('try-privileged', { op: 'mount' }))).toEqual([]);
    expect(hostNeeds(run('publish-port'))).toEqual([['nft', 'iptables']]);
  });

  it("a step's needs are its action's, its solution's and revert's, and its own `needs:`, each once", () => {
    const step = {
      ...lesson('veth-bridge').steps[0]!,
      run: run('create-bridge'),
      breakIt: { revert: run('add-veth') },
      needs: ['mount'] as const,
    };
    expect(stepHostNeeds(needsOf(step))).toEqual([['ip'], ['mount']]);
  });
});

describe('host programs', () => {
  it('the install command comes from /etc/os-release: apt, dnf or pacman, with sudo only where there is one', () => {
    const debian = parseOsRelease('PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nID=debian\n');
    expect(debian.ID).toBe('debian');
    expect(packageManagerOf(debian)).toBe('apt');
    expect(packageManagerOf(parseOsRelease('ID=ubuntu\nID_LIKE=debian\n'))).toBe('apt');
    expect(packageManagerOf(parseOsRelease('ID=linuxmint\nID_LIKE="ubuntu debian"\n'))).toBe('apt');
    expect(packageManagerOf(parseOsRelease('ID=fedora\n'))).toBe('dnf');
    expect(packageManagerOf(parseOsRelease('ID="rocky"\nID_LIKE="rhel centos fedora"\n'))).toBe('dnf');
    expect(packageManagerOf(parseOsRelease('ID=arch\n'))).toBe('pacman');
    expect(packageManagerOf(parseOsRelease('ID=alpine\n'))).toBeUndefined();
    expect(installCommandFor('nft', 'apt', false)).toBe('apt install nftables');
    expect(installCommandFor('iptables', 'dnf', true)).toBe('sudo dnf install iptables-nft');
    expect(installCommandFor('ip', 'pacman', true)).toBe('sudo pacman -S iproute2');
    expect(installCommandFor('mount', 'apt', true)).toBe('sudo apt install mount');
  });

  it('one sentence names the missing program and the command that installs it', () => {
    expect(missingProgramSentence(['unshare'], host())).toBe(
      'This step cannot run on this host: it runs `unshare` on the host, which is not installed; `apt install util-linux` installs it.',
    );
    expect(missingProgramSentence(['nft', 'iptables'], host())).toBe(
      'This step cannot run on this host: it runs `nft` or `iptables` on the host, and neither is installed; `apt install nftables` installs `nft`.',
    );
    const unknown: HostPrograms = { has: () => false, installCommand: () => undefined };
    expect(missingProgramSentence(['ip'], unknown)).toBe(
      'This step cannot run on this host: it runs `ip` on the host, which is not installed; install the package that provides `ip` (iproute2 on Debian and Ubuntu).',
    );
  });

  it('a program counts as present only when it is an executable file in a PATH directory', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clab-path-'));
    try {
      fs.writeFileSync(path.join(dir, 'nft'), '#!/bin/sh\n', { mode: 0o755 });
      fs.writeFileSync(path.join(dir, 'iptables'), '', { mode: 0o644 });
      fs.mkdirSync(path.join(dir, 'ip'));
      expect(findProgram('nft', { PATH: `relative:${dir}` })).toBe(path.join(dir, 'nft'));
      expect(findProgram('iptables', { PATH: dir })).toBeUndefined();
      expect(findProgram('ip', { PATH: dir })).toBeUndefined();
      expect(findProgram('nft', { PATH: '/nonexistent' })).toBeUndefined();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('a step this host cannot run', () => {
  it('on a host without nft and iptables, only the publish step of veth-bridge is blocked', () => {
    const blocked = (present: HostProgram[]) =>
      lessons.flatMap((l) => blockedSteps(l, { ...noFeatureMissing, programs: host(...present) }).map((b) => `${l.id}/${b.step.id}`));
    expect(blocked(ALL.filter((p) => p !== 'nft' && p !== 'iptables'))).toEqual(['veth-bridge/publish']);
    expect(blocked(ALL.filter((p) => p !== 'nft'))).toEqual([]);
    expect(blocked(ALL.filter((p) => p !== 'iptables'))).toEqual([]);
    expect(blocked(ALL)).toEqual([]);
    expect(blocked(ALL.filter((p) => p !== 'unshare'))).toEqual([
      'mount-namespace/propagation-leak',
      'mount-namespace/propagation-private',
    ]);
  });

  it('is skipped with that sentence before anything runs: the runtime is never asked', async () => {
    const runtime = new Proxy({ onEvent: () => () => {} } as unknown as ContainerRuntime, {
      get(target, prop) {
        if (prop === 'onEvent') return Reflect.get(target, prop);
        throw new Error(`a skipped step used the runtime (${String(prop)})`);
      },
    });
    const veth = lesson('veth-bridge');
    const session = new LessonSession({ lesson: veth, runtime, programs: host('ip', 'bridge', 'nsenter') });
    const result = await session.runStep(veth.steps.findIndex((s) => s.id === 'publish'));
    expect(result.status).toBe('skipped');
    expect(result.message).toBe(
      'This step cannot run on this host: it runs `nft` or `iptables` on the host, and neither is installed; `apt install nftables` installs `nft`.',
    );
    expect(result.events).toEqual([]);
    expect(result.output).toEqual([]);

    // --plain and --json say it the same way: skipped, with that sentence, and nothing ran.
    const index = veth.steps.findIndex((s) => s.id === 'publish');
    const plain = plainStep({ index, step: veth.steps[index]!, result }, veth.steps.length);
    expect(plain).toContain('Ran: nothing (this host cannot run this step: see the result below).');
    expect(plain.at(-2)).toMatch(
      /^Result: skipped in [\d.]+ ms\. This step cannot run on this host: it runs `nft` or `iptables` on the host, and neither is installed; `apt install nftables` installs `nft`\.$/,
    );
    const json = jsonStep({ index, step: veth.steps[index]!, result }).map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(json.map((r) => r.type)).toEqual(['step', 'result']);
    expect(json[1]).toMatchObject({ type: 'result', step: 'publish', status: 'skipped', message: result.message });
  });

  it('a failing doctor finding the lesson requires comes first, with its own sentence', () => {
    const veth = lesson('veth-bridge');
    const blocked = blockedSteps(veth, {
      missingFeature: (f) => (f === 'rootfs' ? 'rootfs binaries: no /bin/sh found.' : undefined),
      programs: host(),
    });
    expect(blocked).toHaveLength(veth.steps.length);
    expect(blocked[0]!.blocker).toEqual({
      kind: 'feature',
      feature: 'rootfs',
      sentence: 'This step cannot run on this host: rootfs binaries: no /bin/sh found.',
    });
  });
});
