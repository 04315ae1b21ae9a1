/**
 * The real-kernel test tier: these tests make real mounts and read real xattrs, so they need root.
 * Without root they are skipped with a reason; in CI (`CI` set) a skip would hide a broken tier, so
 * they fail instead.
 */
import { describe, it } from 'vitest';

export const isRoot = process.getuid?.() === 0;

export function describeAsRoot(name: string, body: () => void): void {
  if (isRoot) {
    describe(name, body);
  } else if (process.env.CI) {
    describe(name, () => {
      it('runs as root in CI', () => {
        throw new Error(`${name}: the real-kernel tier must run as root in CI (run the tests with sudo).`);
      });
    });
  } else {
    console.warn(`skipped "${name}": needs root (real mounts, trusted.* xattrs, mknod).`);
    describe.skip(name, body);
  }
}
