/**
 * Creating the lab's state directories safely. They are created by root, mode 0700, and an
 * existing path is used only if it is a real directory owned by root: a symlink planted at
 * /var/lib/container-lab could otherwise make the lab write (or delete) somewhere else.
 */
import fs from 'node:fs';

export function ensurePrivateDir(dir: string): void {
  let st: fs.Stats;
  try {
    st = fs.lstatSync(dir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    st = fs.lstatSync(dir);
  }
  if (st.isSymbolicLink() || !st.isDirectory()) {
    throw new Error(`${dir} is not a plain directory (a symlink or a file is in the way). Move it aside, then start the lab again.`);
  }
  if (st.uid !== process.getuid?.()) {
    throw new Error(`${dir} belongs to uid ${st.uid}, not to root. Remove it (sudo rm -r ${dir}) and start the lab again.`);
  }
  try {
    fs.accessSync(dir, fs.constants.W_OK);
  } catch {
    throw new Error(`${dir} is not writable (read-only filesystem?). Free it or set CONTAINER_LAB_STATE_DIR to a writable place.`);
  }
}
