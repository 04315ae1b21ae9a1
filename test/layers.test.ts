/**
 * The arrows between the layers run one way, as DESIGN.md draws them:
 *   kernel → cgroups, rootfs, mounts, capabilities → runtime, overlay → probes, doctor → lessons → cli, tui
 * A file may import from its own layer or one below, never from above: the engine does not parse
 * command lines, a probe does not reach into the lessons, the cgroup driver does not ask the runtime
 * where it lives (it is told). Checked over every import in src/, relative and dynamic ones included.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const LAYERS: ReadonlyArray<readonly string[]> = [
  // The message catalogues: every layer speaks through them, and they import none of the lab.
  ['i18n'],
  ['kernel'],
  ['cgroups', 'rootfs', 'mounts', 'capabilities'],
  ['runtime', 'overlay'],
  ['probes', 'doctor'],
  ['lessons'],
  // src/cli.ts, the entry point, stands with the command-line code.
  ['cli', 'tui'],
];

function rank(file: string): number {
  const parts = path.relative('src', file).split(path.sep);
  const top = parts.length === 1 ? 'cli' : parts[0]!;
  const r = LAYERS.findIndex((names) => names.includes(top));
  if (r === -1) throw new Error(`${file}: src/${top}/ is in no layer; add it to LAYERS in test/layers.test.ts`);
  return r;
}

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return /\.tsx?$/.test(e.name) ? [p] : [];
  });
}

/** Relative module specifiers of `import … from`, `export … from` and `import()`. */
function importsOf(text: string): string[] {
  return [...text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s*)['"](\.{1,2}\/[^'"]+)['"]/gm)].map((m) => m[1]!);
}

/** Every import in `files` that points to a higher layer, as `from → to`. */
function upwardArrows(files: ReadonlyArray<{ file: string; text: string }>): string[] {
  return files.flatMap(({ file, text }) =>
    importsOf(text)
      .map((spec) => path.relative(process.cwd(), path.resolve(path.dirname(file), spec)))
      .filter((target) => rank(target) > rank(file))
      .map((target) => `${file} → ${target}`),
  );
}

describe('layers', () => {
  it('finds upward arrows when there are some (so a pass means something)', () => {
    expect(
      upwardArrows([
        { file: 'src/probes/probe.ts', text: "import type { ArgSpecs } from '../lessons/arg-spec.js';" },
        { file: 'src/cgroups/index.ts', text: "export { labPaths } from '../runtime/paths.js';" },
        { file: 'src/lessons/run.ts', text: "const { startLab } = await import('../tui/start.js');" },
        { file: 'src/kernel/x.ts', text: "import '../runtime/side-effect.js';" },
        { file: 'src/tui/App.tsx', text: "import { openRuntime } from '../runtime/index.js';" },
        { file: 'src/runtime/a.ts', text: "import { b } from './b.js';" },
      ]),
    ).toEqual([
      'src/probes/probe.ts → src/lessons/arg-spec.js',
      'src/cgroups/index.ts → src/runtime/paths.js',
      'src/lessons/run.ts → src/tui/start.js',
      'src/kernel/x.ts → src/runtime/side-effect.js',
    ]);
  });

  it('no file in src/ imports from a layer above its own', () => {
    const files = sources('src').map((file) => ({ file, text: fs.readFileSync(file, 'utf8') }));
    expect(files.length).toBeGreaterThan(100);
    expect(upwardArrows(files)).toEqual([]);
  });
});
