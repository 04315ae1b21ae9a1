/**
 * The mount lab's helper process: the few mount-namespace experiments that must not happen in the
 * lab process itself (it never changes its own root or namespaces). The lab starts it with
 * util-linux `unshare --mount --propagation <private|unchanged>`, so it is born in a new mount
 * namespace that dies when it exits. It runs one fixed experiment, prints one JSON object (the
 * syscalls it made, as events, and what it saw), and exits. It takes no command from a lesson or a
 * learner: only an experiment name and a path the lab made.
 *
 *   mount-tmpfs <target> <source>     mount a tmpfs, print this namespace's mountinfo
 *   chroot-escape <rootfs>            chroot into rootfs, try the escape
 *   pivot-escape <rootfs>             pivot_root into rootfs, detach the old root, try the escape
 */
import fs from 'node:fs';
import type { PrimitiveEvent } from '../kernel/kernel.js';
import { LinuxKernel } from '../kernel/linux.js';
import { traced } from '../kernel/traced.js';
import { escapeAfterPivotRoot, escapeFromChroot } from './escape.js';

const events: PrimitiveEvent[] = [];
const emit = (e: PrimitiveEvent) => events.push(e);
const k = traced(new LinuxKernel(), emit);
const [cmd, a = '', b = ''] = process.argv.slice(2);

function run(): unknown {
  switch (cmd) {
    case 'mount-tmpfs':
      k.mount(b, a, 'tmpfs', 0, 'size=1m,mode=755');
      return { mountinfo: fs.readFileSync('/proc/self/mountinfo', 'utf8') };
    case 'chroot-escape':
      return escapeFromChroot(k, a, emit);
    case 'pivot-escape':
      return escapeAfterPivotRoot(k, a, emit);
    default:
      throw new Error(`unknown experiment ${cmd}`);
  }
}

try {
  const result = run();
  process.stdout.write(JSON.stringify({ ok: true, events, result }) + '\n');
} catch (err) {
  process.stdout.write(JSON.stringify({ ok: false, events, error: (err as Error).message }) + '\n');
  process.exitCode = 1;
}
