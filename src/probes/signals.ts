/**
 * Signal masks as /proc/<pid>/status prints them (`SigCgt: 0000000000010002`): bit n-1 is signal n.
 * `SigCgt` lists the signals the process has a handler for; `SigIgn` the ones it ignores. The kernel
 * delivers a signal from outside to a PID namespace's init only if init has a handler for it (SIGKILL
 * and SIGSTOP excepted): that is why `SigCgt` explains what SIGTERM does to PID 1.
 */
import { t } from '../i18n/index.js';

/** Standard signal names by number (the same on x86_64 and aarch64). */
const NAMES: Record<number, string> = {
  1: 'SIGHUP',
  2: 'SIGINT',
  3: 'SIGQUIT',
  4: 'SIGILL',
  5: 'SIGTRAP',
  6: 'SIGABRT',
  7: 'SIGBUS',
  8: 'SIGFPE',
  9: 'SIGKILL',
  10: 'SIGUSR1',
  11: 'SIGSEGV',
  12: 'SIGUSR2',
  13: 'SIGPIPE',
  14: 'SIGALRM',
  15: 'SIGTERM',
  16: 'SIGSTKFLT',
  17: 'SIGCHLD',
  18: 'SIGCONT',
  19: 'SIGSTOP',
  20: 'SIGTSTP',
  21: 'SIGTTIN',
  22: 'SIGTTOU',
  23: 'SIGURG',
  24: 'SIGXCPU',
  25: 'SIGXFSZ',
  26: 'SIGVTALRM',
  27: 'SIGPROF',
  28: 'SIGWINCH',
  29: 'SIGIO',
  30: 'SIGPWR',
  31: 'SIGSYS',
};

/** Decodes a hex mask into signal names, lowest first; real-time signals by number (`SIG34`). */
export function decodeSignalMask(hex: string | undefined): string[] {
  if (!hex || !/^[0-9a-fA-F]+$/.test(hex)) return [];
  const mask = BigInt(`0x${hex}`);
  const names: string[] = [];
  for (let n = 1; n <= 64; n++) {
    if ((mask >> BigInt(n - 1)) & 1n) names.push(NAMES[n] ?? `SIG${n}`);
  }
  return names;
}

/** `0000000000004002` → `SIGINT SIGTERM`, or `none`. */
export function describeSignalMask(hex: string | undefined): string {
  const names = decodeSignalMask(hex);
  return names.length ? names.join(' ') : t('probes.cell.no-signals');
}
