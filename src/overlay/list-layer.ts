/**
 * Listing a layer tar the way a learner wants to read it: `tar -tv`, plus what each entry means
 * to the layers below (adds, deletes, or clears a directory).
 */
import fs from 'node:fs';
import { fdSource, readTarEntries, type TarEntry } from './tar-read.js';
import { modeString } from './tree.js';
import { readLayerName } from './whiteout.js';

export interface LayerListing {
  entry: TarEntry;
  /** `tar -tv` style line: `-rw------- 0/0        0 app/.wh.old.txt`. */
  line: string;
  /** What applying it does: `adds`, `deletes app/old.txt`, `clears app/cache`. */
  meaning: string;
}

/** Lists the layer tar at `tarFile`. */
export function listLayer(tarFile: string): LayerListing[] {
  const fd = fs.openSync(tarFile, 'r');
  try {
    return readTarEntries(fdSource(fd)).map((entry) => {
      const name = readLayerName(entry.path);
      const meaning =
        name.kind === 'whiteout' ? `deletes ${name.deletes}` : name.kind === 'opaque' ? `clears ${name.clears || '/'}` : 'adds';
      const kind = entry.type === 'hardlink' ? 'file' : entry.type;
      const shown = entry.type === 'dir' ? `${entry.path}/` : entry.path;
      const link = entry.type === 'symlink' ? ` -> ${entry.linkname}` : entry.type === 'hardlink' ? ` link to ${entry.linkname}` : '';
      const line = `${modeString(kind, entry.mode)} ${entry.uid}/${entry.gid} ${String(entry.size).padStart(9)} ${shown}${link}`;
      return { entry, line, meaning };
    });
  } finally {
    fs.closeSync(fd);
  }
}
