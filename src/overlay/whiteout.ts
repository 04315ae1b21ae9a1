/**
 * Two spellings of "this was deleted".
 *
 * Overlayfs, in an upper directory:
 *   a deleted file or directory  → a character device with device number 0:0 under the same name
 *   a directory deleted and made again → a directory with xattr trusted.overlay.opaque = "y",
 *     which hides everything the layers below had under that name
 * An OCI image layer (a tar, which must travel between machines and filesystems) cannot rely on
 * device nodes or trusted xattrs, so the image spec spells the same two facts as file names:
 *   `<dir>/.wh.<name>`    deletes <dir>/<name> from the layers below
 *   `<dir>/.wh..wh..opq`  deletes everything the layers below had in <dir>
 * Docker's overlay2 driver translates between the two when it commits a container or pulls an image.
 */

export const WHITEOUT_PREFIX = '.wh.';
export const OPAQUE_MARKER = '.wh..wh..opq';

/** What a name in a layer tar means. */
export type LayerName =
  | { kind: 'plain'; path: string }
  | { kind: 'whiteout'; path: string; deletes: string }
  | { kind: 'opaque'; path: string; clears: string };

function split(p: string): { dir: string; base: string } {
  const i = p.lastIndexOf('/');
  return i === -1 ? { dir: '', base: p } : { dir: p.slice(0, i), base: p.slice(i + 1) };
}

const join = (dir: string, base: string): string => (dir === '' ? base : `${dir}/${base}`);

/** Reads a layer path: plain, a whiteout (and what it deletes), or an opaque marker (and which dir). */
export function readLayerName(p: string): LayerName {
  const { dir, base } = split(p);
  if (base === OPAQUE_MARKER) return { kind: 'opaque', path: p, clears: dir };
  if (base.startsWith(WHITEOUT_PREFIX)) return { kind: 'whiteout', path: p, deletes: join(dir, base.slice(WHITEOUT_PREFIX.length)) };
  return { kind: 'plain', path: p };
}

/** The tar name that deletes `p`: `a/b` → `a/.wh.b`. */
export function whiteoutNameFor(p: string): string {
  const { dir, base } = split(p);
  return join(dir, WHITEOUT_PREFIX + base);
}

/** The tar name that marks `dir` opaque: `a` → `a/.wh..wh..opq`. */
export function opaqueMarkerFor(dir: string): string {
  return join(dir, OPAQUE_MARKER);
}
