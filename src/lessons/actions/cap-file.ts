/**
 * `grant-file-cap`: gives a copy of busybox inside the container (/opt/cap/nc) the file capability
 * `cap_net_bind_service=ep`. `setcap` would write it into the `security.capability` extended
 * attribute; the lab writes the same bytes itself with lsetxattr(2) (a revision-2 vfs_cap_data, see
 * capabilities/file-caps.ts), reads them back with lgetxattr(2) and decodes them. The lab reaches the
 * file from the host through /proc/<pid>/root, so the attribute lands in the container's overlay and
 * goes away with it.
 */
import { decodeFileCaps, encodeFileCaps, fileCapsText, SECURITY_CAPABILITY } from '../../capabilities/file-caps.js';
import { CAP, decodeCapMask } from '../../kernel/constants.js';
import { LinuxKernel } from '../../kernel/linux.js';
import { traced } from '../../kernel/traced.js';
import type { Container } from '../../runtime/api.js';
import type { ActionContext, ActionDef, ActionOutcome } from './action.js';
import { str } from './action.js';

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
        message: `\`${argv.join(' ')}\` failed inside ${c.id}: this lesson needs a busybox rootfs.`,
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
    return { ok: false, output: [], message: `${(err as Error).message}: the primitive pane shows the call and its errno.` };
  }
  if (!stored)
    return { ok: false, output: [], message: `lgetxattr found no ${SECURITY_CAPABILITY} on ${file} right after lsetxattr wrote it.` };
  const caps = decodeFileCaps(stored);
  return {
    ok: true,
    output: [
      `the ${value.length} bytes \`setcap cap_net_bind_service=ep /opt/cap/nc\` would write, written by the lab itself with lsetxattr`,
      `${SECURITY_CAPABILITY} of /opt/cap/nc, read back: 0x${stored.toString('hex')}`,
      `  vfs_cap_data revision ${caps.revision}, effective flag ${caps.effective ? 'set' : 'clear'}, permitted ${decodeCapMask(caps.permitted).join(' ') || 'none'}, inheritable ${decodeCapMask(caps.inheritable).join(' ') || 'none'}`,
      `  in setcap's notation: /opt/cap/nc ${fileCapsText(caps)}`,
    ],
  };
}

export const grantFileCapAction: ActionDef = {
  name: 'grant-file-cap',
  summary:
    'Copies busybox to /opt/cap/nc inside a container and writes cap_net_bind_service=ep into its security.capability xattr (lsetxattr, from the host).',
  args: { container: { type: { kind: 'name' }, default: '', doc: 'which container (default: the first)' } },
  async run(ctx, args) {
    return grantNetBindService(ctx, await ctx.ensureContainer(str(args, 'container')));
  },
};
