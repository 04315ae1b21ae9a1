/**
 * Applying and removing the lab's published-port rules with `nft`. The table is in the ledger
 * the moment it exists; deleting the table removes every rule in it at once.
 * When `nft` is not installed the rules are only shown, and the result says so.
 */
import { execa } from 'execa';
import type { NetworkDeps } from './bridge.js';
import type { PublishRules } from './publish.js';

export type ApplyResult =
  | { applied: true; table: string; ledgerId: string }
  | { applied: false; reason: string };

/** Is `nft` on PATH? */
export async function hasNft(): Promise<boolean> {
  const r = await execa('nft', ['--version'], { reject: false });
  return r.exitCode === 0;
}

async function nft(deps: NetworkDeps, args: string[], input?: string, shownInput?: string): Promise<void> {
  const started = performance.now();
  const r = await execa('nft', args, { reject: false, ...(input !== undefined ? { input } : {}) });
  const ok = r.exitCode === 0;
  const stderr = String(r.stderr ?? '').trim();
  deps.emit({
    kind: 'spawn',
    name: 'nft',
    args: shownInput ? [...args, shownInput] : args,
    result: ok ? '0' : `exit ${r.exitCode}`,
    ok,
    durationMs: performance.now() - started,
    ...(ok ? {} : { error: { code: `EXIT${r.exitCode}`, text: stderr, hint: 'The kernel may lack nf_tables NAT support (`modprobe nft_chain_nat`).' } }),
  });
  if (!ok) throw new Error(`nft ${args.join(' ')} failed: ${stderr}`);
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
  const r = await execa('nft', ['list', 'table', 'inet', table], { reject: false });
  return r.exitCode === 0 ? String(r.stdout) : undefined;
}
