/**
 * `capabilities`: the five capability sets of a process from `/proc/<pid>/status`, each as its
 * mask and how many capabilities it holds, or one set spelled out name by name.
 * The masks decode exactly as `capsh --decode=<mask>` prints them.
 */
import { t } from '../i18n/index.js';
import { CAP_SET_KEYS, parseCapStatus, STATUS_FIELD, type CapSetKey } from '../capabilities/index.js';
import { decodeCapMask } from '../kernel/constants.js';
import type { ProbeDef } from './probe.js';
import { pidArg, readPidFile } from './probe.js';
import type { Row } from './view.js';

/** The pane's columns, as `teaches:` names them. */
const COLUMNS = ['set', 'mask', 'holds'];

export const capabilitiesProbe: ProbeDef = {
  name: 'capabilities',
  columns: COLUMNS,
  summary: 'The five capability sets of a process (/proc/<pid>/status), as masks or one set by name.',
  args: {
    pid: { type: { kind: 'pid-ref' }, doc: 'whose capabilities' },
    names: {
      type: { kind: 'enum', values: ['none', ...CAP_SET_KEYS] },
      default: 'none',
      doc: 'spell out one set name by name instead of the five masks',
    },
  },
  title: (root, args) => `${root}/${pidArg(args, 'pid')}/status`,
  async run({ reader, procRoot, args }) {
    const { path, text, note } = await readPidFile(reader, procRoot, args, 'status');
    if (text === undefined) return { title: path, rows: [], note };
    const status = parseCapStatus(text);
    const one = args.names as CapSetKey | 'none' | undefined;
    if (one && one !== 'none') {
      const rows: Row[] = decodeCapMask(status.sets[one]).map((name) => ({ key: name, cells: [name] }));
      return {
        title: t('probes.title.caps-decoded', { path, field: STATUS_FIELD[one] }),
        rows,
        ...(rows.length ? {} : { note: t('probes.caps.empty', { field: STATUS_FIELD[one] }) }),
      };
    }
    const rows: Row[] = CAP_SET_KEYS.map((key) => {
      const mask = status.sets[key];
      return {
        key: STATUS_FIELD[key],
        cells: [STATUS_FIELD[key], mask.toString(16).padStart(16, '0'), t('probes.cell.caps', { count: decodeCapMask(mask).length })],
      };
    });
    if (status.noNewPrivs !== undefined) rows.push({ key: 'NoNewPrivs', cells: ['NoNewPrivs', status.noNewPrivs ? '1' : '0', ''] });
    return { title: path, columns: COLUMNS, rows };
  },
};
