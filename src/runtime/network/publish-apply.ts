/**
 * Applying and removing the lab's published-port rule: with `nft` when this host has it, else with
 * `iptables` (Docker's own tool). What the lab owns is in the ledger the moment it exists, one nft
 * table or one iptables chain with its jump, and removing it leaves every other table, chain and
 * rule as it was.
 *
 * Where iptables is iptables-nft (Debian 12's default, and most current distributions'), it writes
 * nf_tables too: `iptables -t nat -N` makes the kernel's `table ip nat`, and the jump makes its
 * built-in OUTPUT chain, the first time any program adds to them, as loading the iptable_nat module
 * did with the older backend. They belong to iptables and every program that uses it (Docker among
 * them), so the lab removes its chain and its jump and leaves those two, empty, as iptables made them.
 */
import { t } from '../../i18n/index.js';
import { runHostProgram } from '../../kernel/host-program.js';
import type { PrimitiveEvent } from '../../kernel/kernel.js';
import type { LedgerEntry } from '../ledger.js';
import type { NetworkDeps } from './bridge.js';
import type { PublishRules } from './publish.js';

export type PublishBackend = 'nft' | 'iptables';

type RuleEntry = Extract<LedgerEntry, { kind: 'rule' }>;

/** A published-port rule in place: which tool made it, the lab's table or chain, and its ledger id. */
export interface Applied {
  backend: PublishBackend;
  name: string;
  ledgerId: string;
}

const HINT = {
  nft: 'runtime.net.hint.nft',
  iptables: 'runtime.net.hint.iptables',
} as const satisfies Record<PublishBackend, string>;

/** Runs nft or iptables with an argv (never a shell); unreported when there is no `emit`. */
async function netfilter(
  tool: PublishBackend,
  args: string[],
  emit?: (e: PrimitiveEvent) => void,
  input?: string,
  shownInput?: string,
): Promise<{ ok: boolean; stdout: string; stderr: string }> {
  const r = await runHostProgram([tool, ...args], {
    ...(emit ? { emit } : {}),
    ...(input === undefined ? {} : { input }),
    shownArgs: shownInput ? [...args, shownInput] : args,
    hint: (failed) => (failed.exitCode === null ? undefined : t(HINT[tool])),
  });
  return { ok: r.ok, stdout: r.stdout, stderr: r.stderr.trim() };
}

/** Runs a reported command that must succeed. */
async function must(deps: NetworkDeps, tool: PublishBackend, args: string[], input?: string, shownInput?: string): Promise<void> {
  const r = await netfilter(tool, args, (e) => deps.emit(e), input, shownInput);
  if (!r.ok) throw new Error(`${tool} ${args.join(' ')} failed: ${r.stderr}`);
}

/** The tool this host has for the rule: nft first (a whole table of the lab's own), else iptables. */
export async function publishBackend(): Promise<PublishBackend | undefined> {
  for (const tool of ['nft', 'iptables'] as const) {
    if ((await netfilter(tool, ['--version'])).ok) return tool;
  }
  return undefined;
}

function entryFor(backend: PublishBackend, name: string): RuleEntry {
  return backend === 'nft' ? { kind: 'rule', family: 'nft', table: name } : { kind: 'rule', family: 'iptables', table: 'nat', chain: name };
}

/** Applies the rule in the lab's own table (nft) or chain (iptables), each command reported. */
export async function applyPublishRules(deps: NetworkDeps, backend: PublishBackend, name: string, rules: PublishRules): Promise<Applied> {
  const entry = entryFor(backend, name);
  // In the ledger just before it exists: a crash in between leaves a stale entry, never an
  // unrecorded table or chain.
  const ledgerId = deps.ledger.add(entry);
  try {
    // `nft -f` makes the table, its chain and the rule in one transaction; iptables takes one
    // command each: the chain, the rule in it, then the jump that sends packets there.
    if (backend === 'nft') await must(deps, 'nft', ['-f', '-'], rules.nft, `<<< '${rules.nft.trim().replace(/\s*\n\s*/g, ' ')}'`);
    else for (const args of rules.iptables) await must(deps, 'iptables', args);
  } catch (err) {
    await dropPublishRules(entry);
    deps.ledger.remove(ledgerId);
    throw err;
  }
  return { backend, name, ledgerId };
}

/** Removes the rule, each command reported, and strikes it from the ledger. */
export async function removePublishRules(deps: NetworkDeps, applied: Applied): Promise<void> {
  if (applied.backend === 'nft') {
    // Deleting the table deletes its chain and rule with it.
    await must(deps, 'nft', ['delete', 'table', 'inet', applied.name]);
  } else {
    // The jump first: iptables refuses to delete a chain that a rule still jumps to.
    await must(deps, 'iptables', ['-t', 'nat', '-D', 'OUTPUT', '-j', applied.name]);
    await must(deps, 'iptables', ['-t', 'nat', '-F', applied.name]);
    await must(deps, 'iptables', ['-t', 'nat', '-X', applied.name]);
  }
  deps.ledger.remove(applied.ledgerId);
}

/**
 * Removes what a ledger entry names, unreported (teardown after a crash, or a failed apply).
 * True when it was there to remove.
 */
export async function dropPublishRules(entry: RuleEntry): Promise<boolean> {
  if (entry.family === 'nft') return (await netfilter('nft', ['delete', 'table', 'inet', entry.table])).ok;
  // Only the jumps to the lab's own chain, each matched whole: `-D OUTPUT -j NAME` deletes the
  // first rule that is exactly that, and fails once there is none.
  for (let i = 0; i < 10 && (await netfilter('iptables', ['-t', entry.table, '-D', 'OUTPUT', '-j', entry.chain])).ok; i++);
  await netfilter('iptables', ['-t', entry.table, '-F', entry.chain]);
  return (await netfilter('iptables', ['-t', entry.table, '-X', entry.chain])).ok;
}

/** The lab's table or chain as the kernel holds it now (`nft list table …`, `iptables -t nat -L … -n`), or undefined if absent. */
export async function readPublishRules(backend: PublishBackend, name: string): Promise<string | undefined> {
  const r =
    backend === 'nft'
      ? await netfilter('nft', ['list', 'table', 'inet', name])
      : await netfilter('iptables', ['-t', 'nat', '-L', name, '-n']);
  return r.ok ? r.stdout : undefined;
}
