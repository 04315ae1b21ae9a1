/**
 * Files in overlay layers on the screen against `stat`, `sha256sum` and `getfattr`: mode, inode,
 * size, device numbers (a whiteout is a character device 0:0), content, and the trusted.overlay.*
 * attributes (opaque=y on a directory that hides the layers below it).
 *
 * The layers are the ones findmnt lists in the overlay mount's options: upperdir is `upper`, a
 * lower layer is named by its directory (`layers/app-<digest>/diff` is `app`).
 */
import path from 'node:path';
import { mountsOf, sha256Of, statOf, xattrsOf } from '../tools.js';
import type { FileStat } from '../tools.js';
import { checkRows } from './gate.js';
import type { Gate, PaneRecord, PaneRow } from './gate.js';
import type { ClaimKind } from '../tally.js';

interface Overlay {
  merged: string;
  layers: Map<string, string>;
}

function labOverlays(gate: Gate): Overlay[] {
  return mountsOf(gate.labPid)
    .filter((m) => m.fstype === 'overlay' && m.target.startsWith(gate.stateDir))
    .map((m) => {
      const option = (key: string) =>
        m.options
          .split(',')
          .find((o) => o.startsWith(`${key}=`))
          ?.slice(key.length + 1) ?? '';
      const layers = new Map<string, string>([['upper', option('upperdir')]]);
      for (const dir of option('lowerdir').split(':')) layers.set(path.basename(path.dirname(dir)).replace(/-[0-9a-f]+$/, ''), dir);
      return { merged: m.target, layers };
    });
}

const isWhiteout = (st: FileStat | undefined) => st?.mode.startsWith('c') === true && st.rdev === '0:0';

/** trusted.overlay.* as the pane writes them: `overlay.opaque=y`. Long binary values are cut by both. */
function overlayXattrs(file: string): string[] {
  return [...xattrsOf(file)].filter(([k]) => k.startsWith('trusted.overlay.')).map(([k, v]) => `${k.replace('trusted.', '')}=${v}`);
}
const sameXattrs = (shown: string, actual: string[]) => {
  const list = shown.split(' ').filter(Boolean);
  return (
    list.length === actual.length && list.every((x) => actual.some((a) => a === x || (x.endsWith('…') && a.startsWith(x.slice(0, -1)))))
  );
};

/** `stat + getfattr of REL in each layer` / `… in MERGED`. */
export function checkLayerStat(pane: PaneRecord, gate: Gate): boolean {
  if (pane.columns?.join() !== 'layer,mode,inode,size,rdev,sha256,xattrs') return false;
  const m = pane.title.match(/^stat \+ getfattr of (\S+) in (each layer|\/\S+)$/);
  if (!m) return false;
  const [, rel, where] = m;
  const overlays = labOverlays(gate);
  for (const row of pane.rows ?? []) {
    const kind: ClaimKind = row.cells[1]!.startsWith('c') && row.cells[4] === '0:0' ? 'whiteout' : 'file';
    const files =
      where === 'each layer'
        ? overlays
            .map((o) => o.layers.get(row.cells[0]!))
            .filter((d): d is string => !!d)
            .map((d) => path.join(d, rel!))
        : [path.join(where!, rel!)];
    const verdicts = files.map((f) => statRow(row, f));
    const best = verdicts.find((v) => v.stat === undefined && v.xattrs === undefined) ?? verdicts[0];
    if (!best) {
      gate.tally.disagree(
        kind,
        gate.step,
        `${pane.title}: ${row.cells.join(' ')}`,
        `findmnt: no lab overlay has a layer called ${row.cells[0]}`,
      );
      continue;
    }
    gate.tally.expect(kind, gate.step, best.stat === undefined, `${pane.title}: ${row.cells.slice(0, 6).join(' ')}`, () => best.stat!);
    gate.tally.expect(
      'xattr',
      gate.step,
      best.xattrs === undefined,
      `${pane.title}: ${row.cells[0]} xattrs "${row.cells[6]}"`,
      () => best.xattrs!,
    );
  }
  return true;
}

function statRow(row: PaneRow, file: string): { stat?: string; xattrs?: string } {
  const [, mode, inode, size, rdev, sha] = row.cells;
  const st = statOf(file);
  if (mode === '(absent)') return st ? { stat: `stat ${file}: exists (${st.mode})` } : {};
  if (!st) return { stat: `stat ${file}: no such file` };
  const wrong = st.mode !== mode || st.inode !== inode || st.size !== size || (rdev ? st.rdev !== rdev : /^[cb]/.test(st.mode));
  const statText = `stat ${file}: ${st.mode} inode ${st.inode} size ${st.size} rdev ${st.rdev}`;
  if (wrong) return { stat: statText };
  if (sha && !sha256Of(file).startsWith(sha)) return { stat: `sha256sum ${file}: ${sha256Of(file)}` };
  const xattrs = overlayXattrs(file);
  return sameXattrs(row.cells[6] ?? '', xattrs)
    ? {}
    : { xattrs: `getfattr ${file}: ${xattrs.join(' ') || 'no trusted.overlay.* attributes'}` };
}

/** `ls -lR DIR` of a layer or the merged view, with the overlay marks. */
export function checkLayerTree(pane: PaneRecord, gate: Gate): boolean {
  if (pane.columns?.join() !== 'path,mode,size or dev,overlay') return false;
  const dir = pane.title.match(/^ls -lR (\/\S+)$/)?.[1];
  if (!dir) return false;
  for (const row of pane.rows ?? []) {
    const [shownPath, mode, sizeOrDev, marks] = row.cells;
    const file = path.join(dir, shownPath!.replace(/\/$/, ''));
    const st = statOf(file);
    const kind: ClaimKind = /whiteout/.test(marks ?? '') ? 'whiteout' : 'file';
    const actualSize = st && /^[cb]/.test(st.mode) ? st.rdev.replace(':', ', ') : st?.size;
    gate.tally.expect(
      kind,
      gate.step,
      !!st && st.mode === mode && actualSize === sizeOrDev && (kind !== 'whiteout' || isWhiteout(st)),
      `${pane.title}: ${row.cells.join(' ')}`,
      () => (st ? `stat: ${st.mode} ${actualSize}` : 'stat: no such file'),
    );
    if (!st) continue;
    const opaque = overlayXattrs(file).includes('overlay.opaque=y');
    gate.tally.expect(
      'xattr',
      gate.step,
      /opaque=y/.test(marks ?? '') === opaque,
      `${pane.title}: ${shownPath} marks "${marks}"`,
      () => `getfattr: ${opaque ? 'trusted.overlay.opaque=y' : 'not opaque'}`,
    );
  }
  return true;
}

/** `layers of DIR/`: a mark in a layer's column means the layer's directory has that path. */
export function checkLayerStack(pane: PaneRecord, gate: Gate): boolean {
  const under = pane.title.match(/^layers of (\S+)\/ \(upper, then lowers top down\)$/)?.[1];
  if (!under || pane.columns?.[0] !== 'path') return false;
  const layerNames = pane.columns.slice(1);
  const rows = pane.rows ?? [];
  const overlays = labOverlays(gate).filter((o) => layerNames.every((l) => o.layers.has(l)));
  const verdict = (o: Overlay) =>
    rows.flatMap((row) =>
      layerNames.map((layer, i) => {
        const file = path.join(o.layers.get(layer)!, under, row.cells[0]!.replace(/\/$/, ''));
        const mark = row.cells[i + 1] ?? '';
        const st = statOf(file);
        const ok = mark === '' ? !st : mark === '✕' ? isWhiteout(st) : !!st && !isWhiteout(st);
        return {
          ok,
          claim: `${row.cells[0]} in ${layer}: "${mark || 'absent'}"`,
          oracle: st ? `stat ${file}: ${st.mode} ${st.rdev}` : `stat ${file}: no such file`,
        };
      }),
    );
  const results = overlays.map(verdict).sort((a, b) => a.filter((x) => !x.ok).length - b.filter((x) => !x.ok).length)[0];
  if (!results) {
    gate.tally.disagree('file', gate.step, pane.title, `findmnt: no lab overlay has the layers ${layerNames.join(', ')}`);
    return true;
  }
  for (const r of results) gate.tally.expect('file', gate.step, r.ok, r.claim, () => r.oracle);
  return true;
}
