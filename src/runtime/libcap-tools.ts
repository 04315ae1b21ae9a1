/**
 * libcap's command-line tools (Debian's libcap2-bin), run with argv arrays, never a shell:
 *   capsh --decode=<mask>   prints the names in a capability mask (the lab checks its own decoding against it)
 * Only an optional cross-check: without capsh the lab says so and goes on. File capabilities are
 * written and read by the lab itself (the security.capability xattr), not with setcap/getcap.
 */
import { t } from '../i18n/index.js';
import { runHostProgram } from '../kernel/host-program.js';
import type { PrimitiveEvent } from '../kernel/kernel.js';

export interface ToolResult {
  ok: boolean;
  stdout: string;
  stderr: string;
}

async function tool(file: string, args: string[], emit?: (e: PrimitiveEvent) => void): Promise<ToolResult> {
  const r = await runHostProgram([file, ...args], {
    ...(emit ? { emit } : {}),
    hint: (failed) => (failed.startErrno === 'ENOENT' ? t('runtime.libcap.not-installed', { program: file }) : undefined),
  });
  return { ok: r.ok, stdout: r.stdout, stderr: r.ok ? r.stderr.trim() : r.error!.text };
}

/** `capsh --decode=<hex>` → the names it prints, upper-cased like the kernel headers, or undefined without capsh. */
export async function capshDecode(hex: string): Promise<string[] | undefined> {
  if (!/^[0-9a-f]{1,16}$/i.test(hex)) throw new Error(t('runtime.libcap.bad-mask', { mask: hex }));
  const r = await tool('capsh', [`--decode=${hex}`]);
  if (!r.ok) return undefined;
  const names = r.stdout.trim().split('=')[1] ?? '';
  return names ? names.split(',').map((n) => n.toUpperCase()) : [];
}
