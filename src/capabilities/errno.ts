/**
 * Which errno a failed program received, from what it printed. A program turns errno into text
 * with strerror(3), so "Operation not permitted" *is* EPERM. A few busybox applets print a fixed
 * sentence for one errno instead, and those are listed here with the source line that decides it.
 * Anything else is reported as unknown rather than guessed.
 */
import { errnoText, ERRNO_NAMES } from '../kernel/errors.js';

export interface ErrnoReading {
  errno: string;
  /** The words that carried it, for the pane: `"Operation not permitted" is strerror(EPERM)`. */
  evidence: string;
}

/**
 * busybox messages that stand for exactly one errno:
 *  - mount.c: `if (rc && errno == EPERM) bb_error_msg_and_die(bb_msg_perm_denied_are_you_root)`
 *  - ping.c create_icmp_socket: `if (errno == EPERM) bb_error_msg_and_die(bb_msg_perm_denied_are_you_root)`
 */
const BUSYBOX_FIXED: ReadonlyArray<{ program: string; text: string; errno: string }> = [
  { program: 'mount', text: 'permission denied (are you root?)', errno: 'EPERM' },
  { program: 'ping', text: 'permission denied (are you root?)', errno: 'EPERM' },
];

export function errnoFromOutput(program: string, output: string): ErrnoReading | undefined {
  const fixed = BUSYBOX_FIXED.find((f) => f.program === program && output.includes(f.text));
  if (fixed) return { errno: fixed.errno, evidence: `busybox ${program} prints "${fixed.text}" only for ${fixed.errno}` };
  for (const name of Object.values(ERRNO_NAMES)) {
    const text = errnoText(name);
    // strerror texts are matched case-insensitively: busybox lower-cases some ("permission denied").
    if (output.toLowerCase().includes(text.toLowerCase())) return { errno: name, evidence: `"${text}" is strerror(${name})` };
  }
  return undefined;
}
