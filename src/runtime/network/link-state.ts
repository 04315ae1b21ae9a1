/**
 * Waiting for the kernel to finish saying what state a link is in.
 *
 * The kernel's surprise: `ip link set … up` returns at once, and the carrier (is anything plugged in?)
 * changes at once, but `operstate` (what `ip link` and /sys/class/net/<if>/operstate say: UP, DOWN,
 * LOWERLAYERDOWN) is written later by the kernel's linkwatch worker. A veth's change is "urgent" and
 * applied within microseconds; a bridge's is not, and linkwatch applies those at most once a second.
 * So for up to a second after its first port comes up, a bridge still reads `unknown` or `down`, and
 * a pane read then would show a state the kernel is about to change. (On recent kernels, asking for
 * one link by name with RTM_GETLINK, `ip link show dev X`, applies its pending change at once; older
 * ones wait their turn, so the lab waits for the state instead of relying on that.)
 *
 * This reads only sysfs: `carrier` is the live answer, `operstate` the one being caught up.
 */
import fs from 'node:fs';
import path from 'node:path';

const SYS = '/sys/class/net';
const IFF_UP = 0x1;

function read(link: string, file: string): string | undefined {
  try {
    return fs.readFileSync(path.join(SYS, link, file), 'utf8').trim();
  } catch {
    return undefined; // gone, or `carrier` of a link that is down (EINVAL)
  }
}

/** The bridge `link` is a port of, if any (/sys/class/net/<if>/master is a symlink to it). */
function masterOf(link: string): string | undefined {
  try {
    return path.basename(fs.readlinkSync(path.join(SYS, link, 'master')));
  } catch {
    return undefined;
  }
}

/** True when the host link's operstate already says what its flags and carrier say (or it is gone). */
export function operstateSettled(link: string): boolean {
  const flags = read(link, 'flags');
  const operstate = read(link, 'operstate');
  if (flags === undefined || operstate === undefined) return true;
  if ((Number.parseInt(flags, 16) & IFF_UP) === 0) return operstate === 'down';
  const carrier = read(link, 'carrier');
  if (carrier === undefined) return true;
  const running = operstate === 'up' || operstate === 'unknown';
  return carrier === '1' ? running : !running;
}

/**
 * Waits (bounded by `timeoutMs`) until each host link in `links`, and the bridge each is a port
 * of, has the operstate its carrier calls for. Returns how long it waited; it never fails: a state
 * still catching up after the bound is what the panes then show, as the kernel says it.
 */
export async function settleOperstate(links: readonly string[], timeoutMs = 1500): Promise<number> {
  const all = [...new Set(links.flatMap((l) => [l, masterOf(l)].filter((x): x is string => x !== undefined)))];
  const start = performance.now();
  while (!all.every(operstateSettled) && performance.now() - start < timeoutMs) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return performance.now() - start;
}
