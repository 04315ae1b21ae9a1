/**
 * The processes that share a PID namespace with a given process, read on either side.
 *
 * Two processes are in the same PID namespace when their `/proc/<pid>/ns/pid` links name the same
 * inode. On the host this first reads every process's link (cheap) and then only the members' files;
 * inside a container everything visible is read at once, since one command does all the reading.
 */
import { t } from '../i18n/index.js';
import { processPatterns, recordsFrom, withoutReader } from './process-table.js';
import type { ProcRecord } from './process-table.js';
import type { Reader } from './reader.js';

export interface Members {
  /** The namespace link target, e.g. `pid:[4026532201]`; undefined when `of` does not exist. */
  namespace?: string;
  /** Why the namespace could not be read. */
  error?: string;
  records: ProcRecord[];
}

export async function namespaceMembers(reader: Reader, procRoot: string, of: number): Promise<Members> {
  const nsOf = `${procRoot}/${of}/ns/pid`;
  const first = await reader.read(
    reader.side === 'host'
      ? [
          { path: nsOf, kind: 'link' },
          { path: `${procRoot}/[0-9]*/ns/pid`, kind: 'link' },
        ]
      : [{ path: nsOf, kind: 'link' }, ...processPatterns(procRoot)],
  );
  const namespace = first.links.get(nsOf);
  if (namespace === undefined) return { error: first.errors.get(nsOf) ?? t('probes.unreadable'), records: [] };
  let snap = first;
  if (reader.side === 'host') {
    const pids = [...first.links].filter(([, target]) => target === namespace).map(([path]) => Number(path.split('/').at(-3)));
    snap = await reader.read(pids.flatMap((pid) => processPatterns(procRoot, pid)));
  }
  const records = withoutReader(recordsFrom(snap, procRoot), first.readerPid).filter(
    (r) => r.pidns === undefined || `pid:[${r.pidns}]` === namespace,
  );
  return { namespace, records };
}
