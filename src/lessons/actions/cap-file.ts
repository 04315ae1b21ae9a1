/**
 * `grant-file-cap`: gives a copy of busybox inside the container (/opt/cap/nc) the file capability
 * `cap_net_bind_service=ep`, with libcap's `setcap`, which writes the `security.capability`
 * extended attribute. The lab reaches the file from the host through /proc/<pid>/root, so the
 * attribute lands in the container's overlay and goes away with it.
 */
import { getcap, setcap } from '../../runtime/libcap-tools.js';
import type { Container } from '../../runtime/api.js';
import type { ActionContext, ActionDef, ActionOutcome } from './action.js';
import { str } from './action.js';

/** Copies busybox to /opt/cap/nc inside `c` and gives it cap_net_bind_service=ep. */
export async function grantNetBindService(ctx: ActionContext, c: Container): Promise<ActionOutcome> {
  for (const argv of [['mkdir', '-p', '/opt/cap'], ['cp', '/bin/busybox', '/opt/cap/nc']]) {
    const r = await ctx.runtime.exec(c, argv);
    if (r.exitCode !== 0) return { ok: false, output: [`$ ${argv.join(' ')}`, r.stderr.trim()], message: `\`${argv.join(' ')}\` failed inside ${c.id}: this lesson needs a busybox rootfs.` };
  }
  const file = `/proc/${c.pid}/root/opt/cap/nc`;
  const set = await setcap('cap_net_bind_service=ep', file, (e) => ctx.record(e));
  if (!set.ok) return { ok: false, output: [set.stderr], message: `setcap failed: ${set.stderr || 'is libcap2-bin installed?'}` };
  const got = await getcap(file);
  return { ok: true, output: [`$ getcap ${file}`, got.stdout.trim() || got.stderr] };
}

export const grantFileCapAction: ActionDef = {
  name: 'grant-file-cap',
  summary: 'Copies busybox to /opt/cap/nc inside a container and sets cap_net_bind_service=ep on it (setcap, from the host).',
  args: { container: { type: { kind: 'name' }, default: '', doc: 'which container (default: the first)' } },
  hostPrograms: [{ anyOf: ['setcap'] }, { anyOf: ['getcap'] }],
  async run(ctx, args) {
    return grantNetBindService(ctx, await ctx.ensureContainer(str(args, 'container')));
  },
};
