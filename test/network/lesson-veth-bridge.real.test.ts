/**
 * The veth-bridge lesson through the built binary, as root: the kernel's answers (ping received,
 * the socket ping used, the published port's reply), then nothing left. Then a lab killed with
 * SIGKILL in the middle of the lesson, and `container-lab cleanup` leaving nothing either.
 */
import { beforeAll, expect, it } from 'vitest';
import { Ledger } from '../../src/runtime/ledger.js';
import { applyPublishRules, parseCidr, publishBackend, publishRules, readPublishRules } from '../../src/runtime/network/index.js';
import { killLabAt, labEnv, runLab, useTier } from '../helpers/lab.js';
import { CLEAN, isClean, machineState, waitUntil } from '../helpers/residue.js';
import { describeTier } from '../helpers/tier.js';
import { pathWithout } from './helpers.js';

const paths = useTier('network');
const env = labEnv(paths);
const PUBLISHED = /host → \d+\.\d+\.\d+\.\d+:8080 → DNAT → \d+\.\d+\.\d+\.\d+:80: "hello from \w+"/;

/** The lab's output for `args`, stdout then stderr. */
async function lab(args: string[], extra: NodeJS.ProcessEnv = {}): Promise<{ code: number | null; out: string }> {
  const r = await runLab(args, { env: { ...env, ...extra } });
  return { code: r.code, out: r.stdout + r.stderr };
}

describeTier('lesson veth-bridge --plain (real kernel)', { root: true, cli: true }, () => {
  beforeAll(() => {
    expect(machineState(paths), 'leftovers from an earlier run').toEqual(CLEAN);
  });

  it('runs every step, and the kernel says the ping crossed the bridge', async () => {
    const { code, out } = await lab(['lesson', 'veth-bridge', '--plain']);
    const backend = await publishBackend();
    // Only the publish step may be skipped, and only on a host with neither nft nor iptables.
    expect(out).not.toMatch(backend ? /^Result: (FAILED|skipped)/m : /^Result: FAILED/m);
    expect(code, out).toBe(0);
    expect(out).toMatch(/subnet: chose \d+\.\d+\.\d+\.\d+\/24 because/);
    expect(out).toMatch(/spawn ip -batch - link set clab6p\w+ netns \d+; link set clab6v\w+ master clab60; link set clab6v\w+ up = exit 0/);
    expect(out).toMatch(/spawn nsenter -t \d+ -n ip -batch - link set clab6p\w+ name eth0; addr add/);
    expect(out).toMatch(/3 packets transmitted, 3 packets received, 0% packet loss/);
    expect(out).toMatch(/ping's socket \[inode \d+\] is listed in \/proc\/net\/(raw|icmp)/);
    expect(out).toMatch(/net\.ipv4\.ip_forward on the host: 0/);
    expect(out).toMatch(/ on port clab6v\w+ +=? ?eth0 of a/);
    expect(out).toMatch(/ on port clab6v\w+ +=? ?eth0 of b/);
    expect(out).toMatch(/\| eth0 #\d+ <-> #\d+ UP/);
    if (backend) expect(out).toMatch(PUBLISHED);
    else expect(out).toContain('Result: skipped in');
    expect(out).toContain(
      backend === 'nft'
        ? 'The lab applies (nft, in a table of its own):'
        : backend === 'iptables'
          ? 'The lab applies (iptables, in a chain of its own; this host has no nft):'
          : 'Every step of "veth + bridge" ran, except one step this host cannot run (skipped: publish).',
    );
    expect(machineState(paths)).toEqual(CLEAN);
  }, 120_000);

  it('where the host has neither nft nor iptables, the publish step is skipped with the command that installs nft', async () => {
    const path = pathWithout(['nft', 'iptables']);
    try {
      const { code, out } = await lab(['lesson', 'veth-bridge', '--plain'], { PATH: path.PATH });
      expect(code, out).toBe(0);
      expect(out).not.toMatch(/^Result: FAILED/m);
      expect(out.match(/^Result: skipped.*$/gm)).toEqual([
        expect.stringMatching(
          /^Result: skipped in [\d.]+ ms\. This step cannot run on this host: it runs `nft` or `iptables` on the host, and neither is installed; `(sudo )?(apt|dnf) install nftables` installs `nft`\.$/,
        ),
      ]);
      expect(out).toMatch(/^Step 11 of 11: .*\[publish\]$/m);
      expect(out).toContain('Every step of "veth + bridge" ran, except one step this host cannot run (skipped: publish).');
    } finally {
      path.remove();
    }
    expect(machineState(paths)).toEqual(CLEAN);
  }, 120_000);

  it('after kill -9 in the middle of the lesson, cleanup leaves nothing', async () => {
    // Killed once both containers are on the bridge and the ping has started.
    const out = await killLabAt('veth-bridge', 'Step 8 of', env);
    expect(out).toMatch(/Step 7 of/);
    expect(machineState(paths).links, 'the bridge outlives a killed lab until cleanup').toContain('clab60');
    const clean = await runLab(['cleanup'], { env });
    expect(clean.code, clean.stdout + clean.stderr).toBe(0);
    expect(clean.stdout + clean.stderr).toMatch(/clab60/);
    await waitUntil(() => isClean(machineState(paths)), 1000);
    expect(machineState(paths)).toEqual(CLEAN);
  }, 120_000);
});

describeTier('the published port with iptables (real kernel)', { root: true, cli: true, programs: ['iptables'] }, () => {
  it("where the host has iptables and no nft, the port is published with iptables in a chain of the lab's own", async () => {
    const path = pathWithout(['nft']);
    try {
      const { code, out } = await lab(['lesson', 'veth-bridge', '--plain'], { PATH: path.PATH });
      expect(out).not.toMatch(/^Result: (FAILED|skipped)/m);
      expect(code, out).toBe(0);
      expect(out).toMatch(/spawn iptables -t nat -N clab6_publish = exit 0/);
      expect(out).toMatch(/spawn iptables -t nat -A OUTPUT -j clab6_publish = exit 0/);
      expect(out).toMatch(/The kernel now holds \(iptables -t nat -L clab6_publish -n\):\n {2}\| {3}Chain clab6_publish/);
      expect(out).toMatch(PUBLISHED);
      expect(out).toMatch(/spawn iptables -t nat -X clab6_publish = exit 0/);
    } finally {
      path.remove();
    }
    expect(machineState(paths)).toEqual(CLEAN);
  }, 120_000);
});

for (const backend of ['nft', 'iptables'] as const) {
  describeTier(
    `a published-port rule (${backend}) left by a killed lab (real kernel)`,
    { root: true, cli: true, programs: [backend] },
    () => {
      it('is removed by cleanup', async () => {
        // What a lab killed during the publish step leaves: its table or chain, recorded in the ledger.
        const ledger = new Ledger(paths.runDir);
        const name = 'clab6_publish';
        const rules = publishRules({
          name,
          bridge: 'clab60',
          gateway: '10.123.0.1',
          subnet: parseCidr('10.123.0.0/24')!,
          hostPort: 8080,
          containerAddress: '10.123.0.2',
          containerPort: 80,
        });
        await applyPublishRules({ ledger, emit: () => {} }, backend, name, rules);
        expect(await readPublishRules(backend, name)).toBeDefined();
        const clean = await lab(['cleanup']);
        expect(clean.code, clean.out).toBe(0);
        expect(clean.out).toContain(
          backend === 'nft' ? 'nft table inet clab6_publish' : 'iptables chain clab6_publish in table nat, and its jump from OUTPUT',
        );
        expect(await readPublishRules(backend, name)).toBeUndefined();
        expect(machineState(paths)).toEqual(CLEAN);
      }, 60_000);
    },
  );
}
