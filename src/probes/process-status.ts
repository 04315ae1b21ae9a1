/**
 * `process-status`: chosen fields of `/proc/<pid>/status`, the kernel's own description of a process.
 *
 * `NSpid` lists the process's PID in every PID namespace it belongs to, outermost first: the host
 * sees `48213 1` where the container sees `1`. `SigCgt` and `SigIgn` are decoded into signal names.
 */
import type { ProbeDef } from './probe.js';
import { pidArg, readPidFile } from './probe.js';
import { parseStatus } from './proc.js';
import { describeSignalMask } from './signals.js';
import { field } from './view.js';

/** The status fields a lesson may ask for. */
export const STATUS_FIELDS = [
  'Name',
  'State',
  'Pid',
  'PPid',
  'NSpid',
  'NSpgid',
  'NSsid',
  'Uid',
  'Threads',
  'SigCgt',
  'SigIgn',
  'SigBlk',
  'CapEff',
  'CapBnd',
  'NoNewPrivs',
] as const;

const SIGNAL_FIELDS = new Set(['SigCgt', 'SigIgn', 'SigBlk']);

export const processStatusProbe: ProbeDef = {
  name: 'process-status',
  summary: 'Fields of `/proc/<pid>/status` (State, Pid, PPid, NSpid, signal masks decoded, …).',
  args: {
    pid: { type: { kind: 'pid-ref' }, doc: 'which process' },
    fields: {
      type: { kind: 'list', values: STATUS_FIELDS },
      default: ['Name', 'State', 'Pid', 'PPid', 'NSpid'],
      doc: 'which fields, in order',
    },
  },
  title: (root, args) => `${root}/${pidArg(args, 'pid')}/status`,
  async run({ reader, procRoot, args }) {
    const { path, text, note } = await readPidFile(reader, procRoot, args, 'status');
    if (text === undefined) return { title: path, rows: [], note };
    const status = parseStatus(text);
    const wanted = (args.fields as readonly string[] | undefined) ?? [];
    const rows = wanted
      .filter((name) => status.has(name))
      .map((name) => field(name, SIGNAL_FIELDS.has(name) ? describeSignalMask(status.get(name)) : status.get(name)!));
    return { title: path, rows };
  },
};
