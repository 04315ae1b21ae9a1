/**
 * The mount lab's helper process: the chroot escape and the pivot_root that stops it, which must
 * not happen in the lab process itself (it never changes its own root or namespaces).
 *
 * The lab starts it ahead of time (Node takes ~80 ms to start; the step should not wait for that).
 * It waits on stdin for one line naming an experiment and a rootfs the lab made, and only then
 * calls unshare(CLONE_NEWNS) — on this, the main thread, where all its file operations run
 * (synchronously: a libuv pool thread would still be in the host's mount namespace) — so its copy of
 * the mount table is taken at that moment. It prints one JSON object (the syscalls it made, as
 * events, and what it saw) and exits; its mount namespace ends with it. It dies with the lab too
 * (PR_SET_PDEATHSIG). It takes no command from a lesson or a learner. It says `ready` on stdout as
 * soon as it has started, before its answer.
 *
 *   {"experiment":"chroot-escape","rootfs":"…/merged"}   chroot into rootfs, try the escape
 *   {"experiment":"pivot-escape","rootfs":"…/merged"}    pivot_root into it, detach the old root, try again
 */
import fs from 'node:fs';
import { CLONE, MS, SIG } from '../kernel/constants.js';
import { FaultPlan, withFaults } from '../kernel/faults.js';
import type { PrimitiveEvent } from '../kernel/kernel.js';
import { LinuxKernel } from '../kernel/linux.js';
import { traced } from '../kernel/traced.js';
import { escapeAfterPivotRoot, escapeFromChroot } from './escape.js';

const events: PrimitiveEvent[] = [];
const emit = (e: PrimitiveEvent) => events.push(e);
const raw = new LinuxKernel();
raw.setPdeathsig(SIG.SIGKILL);
// Fault-injection tests name calls that must fail (e.g. "chroot:EPERM:2"), as for the shim.
const faults = process.env.CONTAINER_LAB_FAULTS;
const k = traced(faults ? withFaults(raw, FaultPlan.parse(faults)) : raw, emit);

function run(line: string): unknown {
  const { experiment, rootfs } = JSON.parse(line) as { experiment: string; rootfs: string };
  if (typeof rootfs !== 'string' || !rootfs.startsWith('/')) throw new Error('rootfs must be an absolute path');
  k.unshare(CLONE.CLONE_NEWNS);
  // Before anything else in the new namespace: nothing below may reach the host's mounts.
  k.mount(null, '/', null, MS.MS_REC | MS.MS_PRIVATE, null);
  if (experiment === 'chroot-escape') return escapeFromChroot(k, rootfs);
  if (experiment === 'pivot-escape') return escapeAfterPivotRoot(k, rootfs);
  throw new Error(`unknown experiment ${experiment}`);
}

function answer(line: string): void {
  try {
    const result = run(line);
    fs.writeSync(1, JSON.stringify({ ok: true, events, result }) + '\n');
  } catch (err) {
    fs.writeSync(1, JSON.stringify({ ok: false, events, error: (err as Error).message }) + '\n');
    process.exitCode = 1;
  }
}

// Started and waiting: the lab can tell a warm helper from one still starting.
fs.writeSync(1, 'ready\n');

// One line on stdin, read synchronously (on this thread) once it arrives.
let input = '';
process.stdin.on('data', (chunk: Buffer) => {
  input += chunk.toString('utf8');
  const nl = input.indexOf('\n');
  if (nl === -1) return;
  process.stdin.pause();
  answer(input.slice(0, nl));
  process.exit();
});
