// Bundles the CLI and the shim with esbuild. Unbundled, importing Ink alone reads ~500 files
// (~0.5 s); bundled, the CLI starts in about the time of `node -e 0`. The TUI is split into its own
// chunk so `container-lab run` and `doctor` never parse Ink or React.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { chmod, readFile, rename, rm } from 'node:fs/promises';

// The busybox binaries shipped in rootfs/busybox/ become every container's programs: refuse to
// build a package whose binaries are not the ones rootfs/busybox/SHA256SUMS lists (the runtime
// checks again, in src/rootfs/shipped-busybox.ts, before it builds a layer from one).
const sumsFile = 'rootfs/busybox/SHA256SUMS';
for (const line of (await readFile(sumsFile, 'utf8')).split('\n').filter(Boolean)) {
  const [expected, name] = line.split(/ [ *]/);
  const file = `rootfs/busybox/${name}`;
  const content = await readFile(file).catch((err) => err);
  const actual = content instanceof Buffer ? createHash('sha256').update(content).digest('hex') : `unreadable: ${content.code}`;
  if (actual !== expected) {
    console.error(
      `build: ${file} does not match ${sumsFile} (SHA256 ${actual}, expected ${expected}); re-derive it as rootfs/busybox/README.md says.`,
    );
    process.exit(1);
  }
}

// Bundle into a fresh directory and swap it in only when the build succeeded, so a failed build
// never leaves a half-written dist/ behind for the tests (or another build) to trip over.
const out = `dist.tmp-${process.pid}`;
try {
  await build({
    entryPoints: { cli: 'src/cli.ts', shim: 'src/runtime/shim-main.ts', 'mount-lab': 'src/mounts/mount-lab-main.ts' },
    outdir: out,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // Native addons stay outside the bundle: they load their .node files from their own package.
    external: ['koffi', '@lydell/node-pty'],
    // ink's optional devtools import; never used at run time.
    alias: { 'react-devtools-core': './scripts/empty.mjs' },
    define: { 'process.env.NODE_ENV': '"production"' },
    banner: {
      js: "import { createRequire as __clabCreateRequire } from 'node:module'; const require = __clabCreateRequire(import.meta.url);",
    },
    logLevel: 'warning',
    legalComments: 'none',
  });
  await chmod(`${out}/cli.js`, 0o755);
  await rm('dist', { recursive: true, force: true });
  await rename(out, 'dist');
} finally {
  await rm(out, { recursive: true, force: true });
}
