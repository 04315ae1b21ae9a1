/**
 * Memory sizes: as people type them (`32m`, `512K`, `1g`, `96MiB`) and as cgroup files hold them
 * (bytes: memory.max, memory.limit_in_bytes). The units are binary, as `docker run --memory 32m`
 * reads them: 1k = 1024 bytes, 1m = 1024 × 1024.
 */

const UNITS: Readonly<Record<string, number>> = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 };

/** `32m`, `32M`, `32MiB`, `32mb`, `1.5g`, `33554432`, `100b` → bytes (whole); anything else → undefined. */
export function parseSize(text: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?)\s*(?:([kmg])(?:i?b)?|b)?$/i.exec(text.trim());
  if (!m) return undefined;
  return Math.floor(Number(m[1]) * UNITS[(m[2] ?? '').toLowerCase()]!);
}

/** `33554432` → `32.0 MiB`. */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`;
  if (n < 1024 ** 3) return `${(n / 1024 / 1024).toFixed(1)} MiB`;
  return `${(n / 1024 ** 3).toFixed(1)} GiB`;
}
