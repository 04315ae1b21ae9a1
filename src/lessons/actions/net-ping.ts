/**
 * `ping-container`: one container pings another across the bridge (three echo requests, bounded).
 * The target's address is read from the kernel, and while ping runs the lab looks up its socket in
 * the container's /proc/net tables: a raw socket or an ICMP datagram socket, whichever the kernel
 * really gave it (that depends on net.ipv4.ping_group_range inside the container).
 */
import fs from 'node:fs';
import { classifySockets } from '../../runtime/network/index.js';
import type { ActionDef } from './action.js';
import { str } from './action.js';
import { eth0Address } from './net-lab.js';

export const pingContainerAction: ActionDef = {
  name: 'ping-container',
  summary: "Pings one lesson container's eth0 address from another (3 packets, within the lab), and shows which socket ping used.",
  args: {
    from: { type: { kind: 'name' }, doc: 'the container that pings' },
    to: { type: { kind: 'name' }, doc: 'the container pinged' },
  },
  // Three echo requests 0.2 s apart: the step takes about half a second on purpose.
  waitsOnPurpose: true,
  async run(ctx, args) {
    const from = await ctx.ensureContainer(str(args, 'from'));
    const to = await ctx.ensureContainer(str(args, 'to'));
    const address = await eth0Address(to);
    if (!address) return { ok: false, output: [], message: `${to.id} has no address on eth0 yet: run the steps that connect it first.` };
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
    const output = [
      `$ ${argv.join(' ')}`,
      ...result.stdout.split('\n').filter((l) => l.trim()),
      ...result.stderr.split('\n').filter((l) => l.trim()),
      `net.ipv4.ping_group_range inside ${from.id}: "${range}"`,
      `net.ipv4.ip_forward on the host: ${fs.readFileSync(`${ctx.procRoot}/sys/net/ipv4/ip_forward`, 'utf8').trim()}${result.exitCode === 0 ? ' (the bridge switched these frames; the host routed nothing)' : ''}`,
      kind
        ? `ping's socket [inode ${kind.inode}] is listed in /proc/net/${kind.table}: ${kind.table === 'raw' ? 'a raw socket, which needs CAP_NET_RAW' : 'an ICMP datagram socket, allowed by ping_group_range'}`
        : 'the lab did not see an ICMP socket in /proc/net/raw or /proc/net/icmp while ping ran',
    ];
    if (result.exitCode !== 0)
      return { ok: false, output, message: `ping from ${from.id} to ${address} failed (exit status ${result.exitCode}).` };
    return { ok: true, output };
  },
};
