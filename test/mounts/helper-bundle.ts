/**
 * The mount lab's helper runs as its own process from dist/mount-lab.js. When the full build has not
 * run (or another part of the tree does not build yet), bundle just this entry the same way
 * scripts/build.mjs does.
 */
import fs from 'node:fs';
import { build } from 'esbuild';

export async function ensureMountLabHelper(): Promise<void> {
  if (fs.existsSync('dist/mount-lab.js')) return;
  await build({
    entryPoints: { 'mount-lab': 'src/mounts/mount-lab-main.ts' },
    outdir: 'dist',
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external: ['koffi'],
    banner: {
      js: "import { createRequire as __clabCreateRequire } from 'node:module'; const require = __clabCreateRequire(import.meta.url);",
    },
    logLevel: 'warning',
  });
}
