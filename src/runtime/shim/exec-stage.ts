/**
 * The exec stage: `docker exec -it` for the learner's shell (≈ the process `runc exec` starts).
 *
 * The shell needs the learner's terminal (a pty the lab opens), so it cannot come from the shim,
 * whose stdio are pipes. Instead the lab starts this stage on the pty, and it does what the shim does
 * for every other `exec`, through the same code:
 *
 *   setns(…, CLONE_NEWPID)        its children are born in the container's PID namespace
 *   prctl(PR_CAPBSET_DROP, …)     nothing it starts can hold more than PID 1 (limit-execs.ts)
 *   prctl(PR_SET_NO_NEW_PRIVS)    when the container has it
 *   setns(cgroup, ipc, uts, net, mnt), spawn the command at a gate, setns back
 *   write its PID into cgroup.procs, then open the gate: the command starts inside the cgroup
 *
 * This Node process itself never joins the container's cgroup: Node needs ~50 MB and several
 * threads, more than a container limited to 32 MiB or 20 PIDs may hold. It stays on the host side,
 * waits, and exits with the command's status.
 */
import { setLanguage, t } from '../../i18n/index.js';
import type { Lang } from '../../i18n/index.js';
import fs from 'node:fs';
import os from 'node:os';
import { readCapLastCap } from '../../capabilities/status.js';
import { CLONE, type CapName, type NamespaceKind } from '../../kernel/constants.js';
import type { Kernel } from '../../kernel/kernel.js';
import { isSameProcess } from '../proc-identity.js';
import { execIn } from './exec-in.js';
import { limitToContainer } from './limit-execs.js';
import { ENTERABLE, openNamespaces } from './namespaces.js';

/** What the lab tells the exec stage (one JSON argument). */
export interface ExecStageRequest {
  /** The container's PID 1, as the host sees it. */
  pid1: number;
  /** Its start time (field 22 of /proc/<pid>/stat), so a reused PID is never entered. */
  startTime: string;
  namespaces: NamespaceKind[];
  cgroupProcs: string[];
  capabilities: CapName[];
  noNewPrivs: boolean;
  argv: string[];
  env: Record<string, string>;
  /** The lab's language, for what this stage says on the learner's terminal. */
  lang: Lang;
}

export function runExecStage(k: Kernel, req: ExecStageRequest): void {
  setLanguage(req.lang);
  if (!isSameProcess(req.pid1, req.startTime)) {
    process.stderr.write(`${t('runtime.exec.not-running')}\n`);
    process.exit(125);
  }
  // Our own fs context, so this thread may setns into a mount namespace (see shim-core.ts).
  k.unshare(CLONE.CLONE_FS);
  const host = openNamespaces('self');
  const inside = openNamespaces(
    req.pid1,
    ENTERABLE.filter((kind) => req.namespaces.includes(kind)),
  );
  if (req.namespaces.includes('pid')) {
    const pidns = fs.openSync(`/proc/${req.pid1}/ns/pid`, 'r');
    k.setns(pidns, CLONE.CLONE_NEWPID);
    fs.closeSync(pidns);
  }
  limitToContainer(k, readCapLastCap(), req.capabilities, req.noNewPrivs);

  const child = execIn(k, () => {}, { inside, host, cgroupProcs: req.cgroupProcs }, req.argv, req.env, 'inherit');
  // Ctrl-C, Ctrl-\ and Ctrl-Z on the terminal are for the command, not for this waiting process.
  for (const sig of ['SIGINT', 'SIGQUIT', 'SIGTSTP'] as const) process.on(sig, () => {});
  child.on('error', (err) => {
    process.stderr.write(`${t('runtime.exec.could-not-start', { program: req.argv[0] ?? '', error: err.message })}\n`);
    process.exit(126);
  });
  child.on('exit', (code, signal) => process.exit(code ?? 128 + (signal ? (os.constants.signals[signal] ?? 0) : 0)));
}
