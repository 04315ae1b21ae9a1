/**
 * Syscall numbers for the calls glibc has no wrapper for. They differ per architecture:
 * x86_64 kept its historical table, aarch64 uses the kernel's generic one (asm-generic/unistd.h).
 */
import { t } from '../i18n/index.js';

const TABLE: Record<string, Record<string, number>> = {
  x64: { pivot_root: 155 },
  arm64: { pivot_root: 41 },
};

/** Returns the syscall number for `name` on this machine, or throws a sentence naming the arch. */
export function syscallNumber(name: string, arch: string = process.arch): number {
  const nr = TABLE[arch]?.[name];
  if (nr === undefined) {
    throw new Error(t('kernel.syscall-number.unknown-arch', { name, arch }));
  }
  return nr;
}
