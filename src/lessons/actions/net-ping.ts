/**
 * `ping-container`: one container pings another across the bridge (three echo requests, bounded).
 * The target's address is read from the kernel, and while ping runs the lab looks up its socket in
 * the container's /proc/net tables: a raw socket or an ICMP datagram socket, whichever the kernel
 * really gave it (that depends on net.ipv4.ping_group_range inside the container).
 */
import fs from 'node:fs';
import { t } from '../../i18n/index.js';
import { classifySockets } from '../../runtime/network/index.js';
import type { ActionDef } from './action.js';
import { str } from './action.js';
import { eth0Address } from './net-lab.js';
import { arg } from './words.js';

export const pingContainerAction: ActionDef = {
  name: 'ping-container',
  get summary() {
    return t('actions.ping-container.summary');
  },
  args: {
    from: arg({ kind: 'name' }, 'actions.ping-container.arg.from'),
    to: arg({ kind: 'name' }, 'actions.ping-container.arg.to'),
  },
  // Three echo requests 0.2 s apart: the step takes about half a second on purpose.
  waitsOnPurpose: true,
  async run(ctx, args) {
    const from = await ctx.ensureContainer(str(args, 'from'));
    const to = await ctx.ensureContainer(str(args, 'to'));
    const address = await eth0Address(to);
    if (!address) return { ok: false, output: [], message: t('actions.ping-container.no-address', { id: to.id }) };
    const range = (await ctx.runtime.exec(from, ['cat', '/proc/sys/net/ipv4/ping_group_range'])).stdout.trim().replace(/\s+/g, ' ');
    const argv = ['ping', '-c', '3', '-i', '0.2', '-W', '1', address];
    const handle = await ctx.runtime.spawn(from, argv, { signal: ctx.signal });
    // Its stdio are Unix sockets (how the runtime wires a child's pipes): look for an ICMP one.
    let kind: ReturnType<typeof classifySockets>[number] | undefined;
    let ended = false;
    void handle.done.then(() => (ended = true));
    for (let i = 0; i < 200 && !kind && !ended; i++) {
      kind = classifySockets(handle.hostPid).find((s) => s.table === 'raw' || s.table === 'icmp');
      if (!kind) await ctx.sleep(5);
    }
    const result = await handle.done;
    const forward = fs.readFileSync(`${ctx.procRoot}/sys/net/ipv4/ip_forward`, 'utf8').trim();
    const output = [
      `$ ${argv.join(' ')}`,
      ...result.stdout.split('\n').filter((l) => l.trim()),
      ...result.stderr.split('\n').filter((l) => l.trim()),
      t('actions.ping-container.group-range', { id: from.id, range }),
      t(result.exitCode === 0 ? 'actions.ping-container.forward-switched' : 'actions.ping-container.forward', { value: forward }),
      kind
        ? t(kind.table === 'raw' ? 'actions.ping-container.raw-socket' : 'actions.ping-container.icmp-socket', {
            inode: kind.inode,
            table: kind.table,
          })
        : t('actions.ping-container.no-socket'),
    ];
    if (result.exitCode !== 0)
      return {
        ok: false,
        output,
        message: t('actions.ping-container.failed', { from: from.id, address, status: String(result.exitCode) }),
      };
    return { ok: true, output };
  },
};
