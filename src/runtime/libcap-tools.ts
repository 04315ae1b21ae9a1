/**
 * libcap's command-line tools (Debian's libcap2-bin), run with argv arrays, never a shell:
 *   capsh --decode=<mask>   prints the names in a capability mask (the lab checks its own decoding against it)
 * Only an optional cross-check: without capsh the lab says so and goes on. File capabilities are
 * written and read by the lab itself (the security.capability xattr), not with setcap/getcap.
 */
import { execa } from 'execa';
import type { PrimitiveEvent } from '../kernel/kernel.js';

export interface ToolResult {
  ok: boolean;
  stdout: string;
  stderr: string;
}

async function tool(file: string, args: string[], emit?: (e: PrimitiveEvent) => void): Promise<ToolResult> {
  const started = performance.now();
  const r = await execa(file, args, { reject: false });
  const ok = r.exitCode === 0;
  const stderr = String(r.stderr ?? '').trim();
  emit?.({
    kind: 'spawn', name: file, args, result: ok ? '0' : `exit ${r.exitCode ?? r.signal}`, ok, durationMs: performance.now() - started,
    ...(ok ? {} : { error: { code: `EXIT${r.exitCode}`, text: stderr || String(r.shortMessage ?? ''), hint: `Is ${file} installed? On Debian it is in libcap2-bin.` } }),
  });
  return { ok, stdout: String(r.stdout ?? ''), stderr: stderr || (r.failed && r.exitCode === undefined ? String(r.shortMessage) : '') };
}

/** `capsh --decode=<hex>` → the names it prints, upper-cased like the kernel headers, or undefined without capsh. */
export async function capshDecode(hex: string): Promise<string[] | undefined> {
  if (!/^[0-9a-f]{1,16}$/i.test(hex)) throw new Error(`"${hex}" is not a capability mask.`);
  const r = await tool('capsh', [`--decode=${hex}`]);
  if (!r.ok) return undefined;
  const names = r.stdout.trim().split('=')[1] ?? '';
  return names ? names.split(',').map((n) => n.toUpperCase()) : [];
}
