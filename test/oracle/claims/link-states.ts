/**
 * Every operstate the kernel announced for the host's links during a run, from `ip -o monitor link`.
 *
 * The kernel does not set a link's operstate when `ip link set … up` returns: linkwatch applies it
 * up to a second later, and a bridge goes through `unknown` and `down` as ports join. A pane read
 * right after a change can show the state before it settled, so a host link's state agrees when
 * it is the state at the gate or one the kernel announced for that link during the run.
 */
import { spawn } from 'node:child_process';
import readline from 'node:readline';

export interface LinkStates {
  /** The states announced for this link name so far, lowercase. */
  seen(name: string): string[];
  stop(): void;
}

export function watchLinkStates(): LinkStates {
  const states = new Map<string, Set<string>>();
  const monitor = spawn('ip', ['-o', 'monitor', 'link'], { stdio: ['ignore', 'pipe', 'ignore'] });
  readline.createInterface({ input: monitor.stdout }).on('line', (line) => {
    const m = line.match(/^(?:Deleted )?\d+: ([^:@]+)[:@].* state (\S+)/);
    if (!m) return;
    const seen = states.get(m[1]!) ?? new Set<string>();
    seen.add(m[2]!.toLowerCase());
    states.set(m[1]!, seen);
  });
  return {
    seen: (name) => [...(states.get(name) ?? [])],
    stop: () => monitor.kill(),
  };
}
