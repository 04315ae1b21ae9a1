/**
 * Applying and removing the lab's published-port rules with `nft`. The table is in the ledger
 * the moment it exists; deleting the table removes every rule in it at once.
 * When `nft` is not installed the rules are only shown, and the result says so.
 */
import { failureText, runHostProgram } from '../../kernel/host-program.js';
import type { NetworkDeps } from './bridge.js';
import type { PublishRules } from './publish.js';

export type ApplyResult =
  | { applied: true; table: string; ledgerId: string }
  | { applied: false; reason: string };

/** Is `nft` on PATH? */
export async function hasNft(): Promise<boolean> {
  return (await runHostProgram(['nft', '--version'])).ok;
}

async function nft(deps: NetworkDeps, args: string[], input?: string, shownInput?: string): Promise<void> {
  const r = await runHostProgram(['nft', ...args], {
    emit: deps.emit,
    ...(input === undefined ? {} : { input }),
    shownArgs: shownInput ? [...args, shownInput] : args,
    hint: (failed) => (failed.exitCode === null ? undefined : 'The kernel may lack nf_tables NAT support (`modprobe nft_chain_nat`).'),
  });
  if (!r.ok) throw new Error(failureText(r));
}

/** Applies the rules in their own table, or says why they were only shown. */
export async function applyPublishRules(deps: NetworkDeps, table: string, rules: PublishRules): Promise<ApplyResult> {
  if (!(await hasNft())) {
    return { applied: false, reason: 'nft (the nftables tool) is not installed on this host, so the lab shows these rules without applying them.' };
  }
  // In the ledger just before it exists; `nft -f` then makes the table and its rules in one go.
  const ledgerId = deps.ledger.add({ kind: 'rule', family: 'nft', table });
  try {
    await nft(deps, ['-f', '-'], rules.nft, `<<< '${rules.nft.trim().replace(/\s*\n\s*/g, ' ')}'`);
  } catch (err) {
    await removePublishRules(deps, table, ledgerId).catch(() => deps.ledger.remove(ledgerId));
    throw err;
  }
  return { applied: true, table, ledgerId };
}

/** Deletes the lab's table (and every rule in it) and strikes it from the ledger. */
export async function removePublishRules(deps: NetworkDeps, table: string, ledgerId: string): Promise<void> {
  await nft(deps, ['delete', 'table', 'inet', table]);
  deps.ledger.remove(ledgerId);
}

/** The table as the kernel holds it now (`nft list table inet <table>`), or undefined if absent. */
export async function readPublishTable(table: string): Promise<string | undefined> {
  const r = await runHostProgram(['nft', 'list', 'table', 'inet', table]);
  return r.ok ? r.stdout : undefined;
}
