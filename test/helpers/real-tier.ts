/**
 * The real-kernel tier runs as root only. Elsewhere it is skipped with a reason — except in CI,
 * where a skipped kernel tier is a failure (a green run that tested nothing would be a lie).
 */
import { describe, it } from 'vitest';

export const isRoot = process.getuid?.() === 0;

/** `describe` for tests that need root and a real kernel. */
export function describeReal(name: string, body: () => void): void {
  if (isRoot) {
    describe(name, body);
    return;
  }
  if (process.env.CI) {
    describe(name, () => {
      it('runs as root in CI', () => {
        throw new Error('The real-kernel tier must run as root in CI (it was about to be skipped): run `sudo npm test`.');
      });
    });
    return;
  }
  describe.skip(`${name} (skipped: needs root — run \`sudo npm test\`)`, body);
}
