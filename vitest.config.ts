import { defineConfig } from 'vitest/config';

// Real-kernel tests create namespaces, mounts and cgroups: run files one at a time so two tests
// never race for the same ledger or cgroup parent.
export default defineConfig({
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    fileParallelism: false,
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
