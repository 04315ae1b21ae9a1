/**
 * The shim process; started again with `--init`, the container's init stage; with `--exec`, the
 * exec stage behind the learner's shell (shim/exec-stage.ts).
 *
 * The lab starts a shim ahead of time, so Node's start-up is not on the path of starting a
 * container. Both processes set PR_SET_PDEATHSIG(SIGKILL): the kernel kills the shim when the lab
 * dies (even by `kill -9`), and PID 1 when the shim dies; with PID 1 gone the kernel kills the whole
 * PID namespace, and the container's mounts and overlay go with its mount namespace.
 */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { languageOf, setLanguage } from '../i18n/index.js';
import { SIG } from '../kernel/constants.js';
import { FaultPlan, withFaults } from '../kernel/faults.js';
import { LinuxKernel } from '../kernel/linux.js';
import { runExecStage } from './shim/exec-stage.js';
import { runInitStage } from './shim/init-main.js';
import { runShim } from './shim/shim-process.js';

// The lab passes its language (shim-client.ts); the init stage inherits it, the exec stage gets it in its request.
setLanguage(languageOf(process.env.CONTAINER_LAB_LANG) ?? 'en');
const linux = new LinuxKernel();
linux.setPdeathsig(SIG.SIGKILL);
// Fault-injection tests name calls that must fail (e.g. "mount:EPERM:3"); never set otherwise.
const faults = process.env.CONTAINER_LAB_FAULTS;
const kernel = faults ? withFaults(linux, FaultPlan.parse(faults)) : linux;
// After unshare(CLONE_NEWPID) this process can no longer create threads, and libuv starts its
// thread pool lazily on the first async call: start it now, while it still can.
await fs.promises.stat('/');

const execAt = process.argv.indexOf('--exec');
if (process.argv.includes('--init')) runInitStage(kernel);
else if (execAt > 0) runExecStage(kernel, JSON.parse(process.argv[execAt + 1]!));
else runShim(kernel, fileURLToPath(import.meta.url), process.argv.includes('--no-pidns') ? false : true);
