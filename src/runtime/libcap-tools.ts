/**
 * libcap's command-line tools (Debian's libcap2-bin), run with argv arrays, never a shell:
 *   capsh --decode=<mask>   prints the names in a capability mask (the lab checks its own decoding against it)
 *   setcap <caps> <file>    writes the file's `security.capability` extended attribute
 *   getcap <file>           reads it back
 * A file inside a container is reached from the host through `/proc/<pid>/root/…`: the path walks
 * into that process's root directory, so the write lands in the container's overlay.
 */
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
    hint: (failed) => (failed.startErrno === 'ENOENT' ? `${file} is not installed: on Debian it is in libcap2-bin (\`apt install libcap2-bin\`).` : undefined),
  });
  return { ok: r.ok, stdout: r.stdout, stderr: r.ok ? r.stderr.trim() : r.error!.text };
}

/** `capsh --decode=<hex>` → the names it prints, upper-cased like the kernel headers, or undefined without capsh. */
export async function capshDecode(hex: string): Promise<string[] | undefined> {
  if (!/^[0-9a-f]{1,16}$/i.test(hex)) throw new Error(`"${hex}" is not a capability mask.`);
  const r = await tool('capsh', [`--decode=${hex}`]);
  if (!r.ok) return undefined;
  const names = r.stdout.trim().split('=')[1] ?? '';
  return names ? names.split(',').map((n) => n.toUpperCase()) : [];
}

/** `setcap <caps> <path>`, reported as a primitive. `caps` is from the lab's code, e.g. `cap_net_bind_service=ep`. */
export function setcap(caps: string, path: string, emit: (e: PrimitiveEvent) => void): Promise<ToolResult> {
  if (!/^[a-z_,]+[=+-][eip]+$/.test(caps)) throw new Error(`"${caps}" is not a capability text the lab uses.`);
  return tool('setcap', [caps, path], emit);
}

/** `getcap <path>`: what the file's security.capability attribute holds, as libcap prints it. */
export function getcap(path: string): Promise<ToolResult> {
  return tool('getcap', [path]);
}
