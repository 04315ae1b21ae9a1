/**
 * The veth-bridge lesson through the built binary, as root: the kernel's answers (ping received,
 * the socket ping used, the published port's reply), then nothing left. Then a lab killed with
 * SIGKILL in the middle of the lesson, and `container-lab cleanup` leaving nothing either.
 */
import { beforeAll, expect, it } from 'vitest';
import { Ledger } from '../../src/runtime/ledger.js';
import { applyPublishRules, hasNft, parseCidr, publishRules, readPublishTable } from '../../src/runtime/network/index.js';
import { killLabAt, labEnv, runLab, useTier } from '../helpers/lab.js';
import { CLEAN, isClean, machineState, waitUntil } from '../helpers/residue.js';
import { describeTier } from '../helpers/tier.js';

const paths = useTier('network');
const env = labEnv(paths);

describeTier('lesson veth-bridge --plain (real kernel)', { root: true, cli: true }, () => {
  beforeAll(() => {
    expect(machineState(paths), 'leftovers from an earlier run').toEqual(CLEAN);
  });

  it('runs every step, and the kernel says the ping crossed the bridge', async () => {
    const { code, stdout, stderr } = await runLab(['lesson', 'veth-bridge', '--plain'], { env });
    const out = stdout + stderr;
    expect(out).not.toMatch(/^Result: (FAILED|skipped)/m);
    expect(code, out).toBe(0);
    expect(out).toMatch(/subnet: chose \d+\.\d+\.\d+\.\d+\/24 because/);
    expect(out).toMatch(/spawn ip -batch - link set clab6p\w+ netns \d+; link set clab6v\w+ master clab60; link set clab6v\w+ up = 0/);
    expect(out).toMatch(/spawn nsenter -t \d+ -n ip -batch - link set clab6p\w+ name eth0; addr add/);
    expect(out).toMatch(/3 packets transmitted, 3 packets received, 0% packet loss/);
    expect(out).toMatch(/ping's socket \[inode \d+\] is listed in \/proc\/net\/(raw|icmp)/);
    expect(out).toMatch(/net\.ipv4\.ip_forward on the host: 0/);
    expect(out).toMatch(/ on port clab6v\w+ +=? ?eth0 of a/);
    expect(out).toMatch(/ on port clab6v\w+ +=? ?eth0 of b/);
    expect(out).toMatch(/\| eth0 #\d+ <-> #\d+ UP/);
    if (await hasNft()) expect(out).toMatch(/host → \d+\.\d+\.\d+\.\d+:8080 → DNAT → \d+\.\d+\.\d+\.\d+:80: "hello from \w+"/);
    else expect(out).toMatch(/shows these rules without applying them/);
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

describeTier('a published-port table left by a killed lab (real kernel)', { root: true, cli: true, programs: ['nft'] }, () => {
  it('is removed by cleanup', async () => {
    // What a lab killed during the publish step leaves: the table, recorded in the ledger.
    const ledger = new Ledger(paths.runDir);
    const table = 'clab6_publish';
    const rules = publishRules({ table, bridge: 'clab60', gateway: '10.123.0.1', subnet: parseCidr('10.123.0.0/24')!, hostPort: 8080, containerAddress: '10.123.0.2', containerPort: 80 });
    const applied = await applyPublishRules({ ledger, emit: () => {} }, table, rules);
    expect(applied.applied).toBe(true);
    expect(await readPublishTable(table)).toBeDefined();
    const clean = await runLab(['cleanup'], { env });
    expect(clean.code, clean.stdout + clean.stderr).toBe(0);
    expect(await readPublishTable(table)).toBeUndefined();
    expect(machineState(paths)).toEqual(CLEAN);
  }, 60_000);
});
