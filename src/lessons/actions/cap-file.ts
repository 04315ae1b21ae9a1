/**
 * `grant-file-cap`: gives a copy of busybox inside the container (/opt/cap/nc) the file capability
 * `cap_net_bind_service=ep`. `setcap` would write it into the `security.capability` extended
 * attribute; the lab writes the same bytes itself with lsetxattr(2) (a revision-2 vfs_cap_data, see
 * capabilities/file-caps.ts), reads them back with lgetxattr(2) and decodes them. The lab reaches the
 * file from the host through /proc/<pid>/root, so the attribute lands in the container's overlay and
 * goes away with it.
 */
import { t } from '../../i18n/index.js';
import { decodeFileCaps, encodeFileCaps, fileCapsText, SECURITY_CAPABILITY } from '../../capabilities/file-caps.js';
import { CAP, decodeCapMask } from '../../kernel/constants.js';
import { LinuxKernel } from '../../kernel/linux.js';
import { traced } from '../../kernel/traced.js';
import type { Container } from '../../runtime/api.js';
import type { ActionContext, ActionDef, ActionOutcome } from './action.js';
import { str } from './action.js';
import { arg } from './words.js';

const NET_BIND_SERVICE_EP = { permitted: 1n << BigInt(CAP.CAP_NET_BIND_SERVICE), inheritable: 0n, effective: true };

/** Copies busybox to /opt/cap/nc inside `c` and gives it cap_net_bind_service=ep. */
export async function grantNetBindService(ctx: ActionContext, c: Container): Promise<ActionOutcome> {
  for (const argv of [
    ['mkdir', '-p', '/opt/cap'],
    ['cp', '/bin/busybox', '/opt/cap/nc'],
  ]) {
    const r = await ctx.runtime.exec(c, argv);
    if (r.exitCode !== 0)
      return {
        ok: false,
        output: [`$ ${argv.join(' ')}`, r.stderr.trim()],
        message: t('actions.grant-file-cap.copy-failed', { command: argv.join(' '), id: c.id }),
      };
  }
  const file = `/proc/${c.pid}/root/opt/cap/nc`;
  // Through the traced doorway: both calls appear in "What ran" with what the kernel returned.
  const k = traced(new LinuxKernel(), (e) => ctx.record(e));
  const value = encodeFileCaps(NET_BIND_SERVICE_EP);
  let stored: Buffer | undefined;
  try {
    k.lsetxattr(file, SECURITY_CAPABILITY, value, 0);
    stored = k.lgetxattr(file, SECURITY_CAPABILITY);
  } catch (err) {
    return { ok: false, output: [], message: t('actions.grant-file-cap.call-failed', { error: (err as Error).message }) };
  }
  if (!stored) return { ok: false, output: [], message: t('actions.grant-file-cap.not-stored', { attribute: SECURITY_CAPABILITY, file }) };
  const caps = decodeFileCaps(stored);
  return {
    ok: true,
    output: [
      t('actions.grant-file-cap.written', { count: value.length }),
      t('actions.grant-file-cap.read-back', { attribute: SECURITY_CAPABILITY, hex: stored.toString('hex') }),
      t('actions.grant-file-cap.decoded', {
        revision: caps.revision,
        effective: caps.effective ? 'set' : 'clear',
        permitted: decodeCapMask(caps.permitted).join(' ') || t('actions.none'),
        inheritable: decodeCapMask(caps.inheritable).join(' ') || t('actions.none'),
      }),
      t('actions.grant-file-cap.notation', { text: fileCapsText(caps) }),
    ],
  };
}

export const grantFileCapAction: ActionDef = {
  name: 'grant-file-cap',
  get summary() {
    return t('actions.grant-file-cap.summary');
  },
  args: { container: arg({ kind: 'name' }, 'actions.arg.container', { default: '' }) },
  async run(ctx, args) {
    return grantNetBindService(ctx, await ctx.ensureContainer(str(args, 'container')));
  },
};
