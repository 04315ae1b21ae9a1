/**
 * `cap-report`: a container's five capability sets, read from /proc/<pid>/status on the host,
 * decoded, compared with the full set this kernel knows (cap_last_cap) and with Docker's default
 * 14, and checked against `capsh --decode` from libcap.
 */
import { t } from '../../i18n/index.js';
import {
  CAP_SET_KEYS,
  compareToReferences,
  formatMask,
  fullMask,
  readCapLastCap,
  readCapStatus,
  STATUS_FIELD,
} from '../../capabilities/index.js';
import { decodeCapMask } from '../../kernel/constants.js';
import { capshDecode } from '../../runtime/libcap-tools.js';
import type { ActionDef } from './action.js';
import { str } from './action.js';
import { arg } from './words.js';

export const capReportAction: ActionDef = {
  name: 'cap-report',
  get summary() {
    return t('actions.cap-report.summary');
  },
  args: { container: arg({ kind: 'name' }, 'actions.arg.container', { default: '' }) },
  async run(ctx, args) {
    const c = await ctx.ensureContainer(str(args, 'container'));
    const status = readCapStatus(c.pid, ctx.procRoot);
    const lastCap = readCapLastCap(ctx.procRoot);
    const bounding = status.sets.bounding;
    const ref = compareToReferences(bounding, fullMask(lastCap));
    const kept = decodeCapMask(bounding);
    const output = [
      t('actions.cap-report.status', { pid: c.pid, id: c.id }),
      ...CAP_SET_KEYS.map(
        (k) =>
          `  ${t('actions.cap-report.set', { field: STATUS_FIELD[k], mask: formatMask(status.sets[k]), count: decodeCapMask(status.sets[k]).length })}`,
      ),
      t('actions.cap-report.kept', { count: kept.length, names: kept.join(' ') }),
      t('actions.cap-report.dropped', { known: lastCap + 1, count: ref.dropped.length, names: ref.dropped.join(' ') }),
      ref.beyondDocker.length || ref.missingFromDocker.length
        ? t('actions.cap-report.compared', {
            extra: ref.beyondDocker.join(' ') || t('actions.none'),
            missing: ref.missingFromDocker.join(' ') || t('actions.none'),
          })
        : t('actions.cap-report.docker-default'),
    ];
    const hex = formatMask(bounding);
    const capsh = await capshDecode(hex);
    if (!capsh) output.push(t('actions.cap-report.no-capsh'));
    else {
      const agrees = capsh.join(',') === kept.join(',');
      const verdict = agrees ? t('actions.cap-report.same') : t('actions.cap-report.different', { names: capsh.join(' ') });
      output.push(t('actions.cap-report.capsh', { hex, verdict }));
      if (!agrees) return { ok: false, output, message: t('actions.cap-report.disagree') };
    }
    return { ok: true, output };
  },
};
