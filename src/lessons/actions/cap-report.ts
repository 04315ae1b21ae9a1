/**
 * `cap-report`: a container's five capability sets, read from /proc/<pid>/status on the host,
 * decoded, compared with the full set this kernel knows (cap_last_cap) and with Docker's default
 * 14, and checked against `capsh --decode` from libcap.
 */
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

export const capReportAction: ActionDef = {
  name: 'cap-report',
  summary:
    "Decodes a container's capability sets, compares them with the full set and Docker's default, and checks against capsh --decode.",
  args: { container: { type: { kind: 'name' }, default: '', doc: 'which container (default: the first)' } },
  async run(ctx, args) {
    const c = await ctx.ensureContainer(str(args, 'container'));
    const status = readCapStatus(c.pid, ctx.procRoot);
    const lastCap = readCapLastCap(ctx.procRoot);
    const bounding = status.sets.bounding;
    const ref = compareToReferences(bounding, fullMask(lastCap));
    const kept = decodeCapMask(bounding);
    const output = [
      `/proc/${c.pid}/status (PID 1 of ${c.id}, seen from the host):`,
      ...CAP_SET_KEYS.map(
        (k) => `  ${STATUS_FIELD[k]} ${formatMask(status.sets[k])}  ${decodeCapMask(status.sets[k]).length} capabilities`,
      ),
      `kept (${kept.length}): ${kept.join(' ')}`,
      `dropped from the ${lastCap + 1} this kernel knows (${ref.dropped.length}): ${ref.dropped.join(' ')}`,
      ref.beyondDocker.length || ref.missingFromDocker.length
        ? `compared with Docker's default 14: extra ${ref.beyondDocker.join(' ') || 'none'}; missing ${ref.missingFromDocker.join(' ') || 'none'}`
        : "exactly Docker's default 14",
    ];
    const hex = formatMask(bounding);
    const capsh = await capshDecode(hex);
    if (!capsh) output.push('capsh is not installed (Debian: libcap2-bin), so the decoding was not cross-checked.');
    else {
      const agrees = capsh.join(',') === kept.join(',');
      output.push(`capsh --decode=${hex}: ${agrees ? 'the same names' : `DIFFERENT: ${capsh.join(' ')}`}`);
      if (!agrees) return { ok: false, output, message: 'The lab decoded the mask differently from capsh: please report this.' };
    }
    return { ok: true, output };
  },
};
