/**
 * The veth-bridge lesson through the built binary, as root: the kernel's answers (ping received,
 * the socket ping used, the published port's reply), then nothing left. Then a lab killed with
 * SIGKILL in the middle of the lesson, and `container-lab cleanup` leaving nothing either.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { requireRootOrSkip } from './helpers.js';
import { killLabAt, requireBuilt, residue, runLab } from './lab-env.js';
import { Ledger } from '../../src/runtime/ledger.js';
import { applyPublishRules, hasNft, parseCidr, publishRules, readPublishTable } from '../../src/runtime/network/index.js';
import { LAB_ENV } from './lab-env.js';

const run = requireRootOrSkip();

describe.skipIf(!run)('lesson veth-bridge --plain (real kernel)', () => {
  beforeAll(() => {
    requireBuilt();
    expect(residue(), 'leftovers from an earlier run').toEqual([]);
  });

  it('runs every step, and the kernel says the ping crossed the bridge', async () => {
    const { code, out } = runLab(['lesson', 'veth-bridge', '--plain']);
    expect(out).not.toMatch(/^Result: (FAILED|skipped)/m);
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
    if (await hasNft()) expect(out).toMatch(/host → \d+\.\d+\.\d+\.\d+:8080 → DNAT → \d+\.\d+\.\d+\.\d+:80: "hello from \w+"/);
    else expect(out).toMatch(/shows these rules without applying them/);
    expect(residue()).toEqual([]);
  }, 120_000);

  it('after kill -9 in the middle of the lesson, cleanup leaves nothing', async () => {
    // Killed once both containers are on the bridge and the ping has started.
    const out = await killLabAt('veth-bridge', 'Step 8 of');
    expect(out).toMatch(/Step 7 of/);
    expect(residue().some((r) => r.startsWith('link clab60')), 'the bridge outlives a killed lab until cleanup').toBe(true);
    const clean = runLab(['cleanup']);
    expect(clean.code, clean.out).toBe(0);
    expect(clean.out).toMatch(/clab60/);
    for (let i = 0; i < 50 && residue().length; i++) await new Promise((r) => setTimeout(r, 20));
    expect(residue()).toEqual([]);
  }, 120_000);

  it.skipIf(!run)('a published-port table left by a killed lab is removed by cleanup (when nft exists)', async () => {
    if (!(await hasNft())) return;
    // What a lab killed during the publish step leaves: the table, recorded in the ledger.
    const ledger = new Ledger(LAB_ENV.CONTAINER_LAB_RUN_DIR!);
    const table = 'clab6_publish';
    const rules = publishRules({ table, bridge: 'clab60', gateway: '10.123.0.1', subnet: parseCidr('10.123.0.0/24')!, hostPort: 8080, containerAddress: '10.123.0.2', containerPort: 80 });
    const applied = await applyPublishRules({ ledger, emit: () => {} }, table, rules);
    expect(applied.applied).toBe(true);
    expect(await readPublishTable(table)).toBeDefined();
    const clean = runLab(['cleanup']);
    expect(clean.code, clean.out).toBe(0);
    expect(await readPublishTable(table)).toBeUndefined();
    expect(residue()).toEqual([]);
  }, 60_000);
});
