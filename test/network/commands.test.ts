import { describe, expect, it } from 'vitest';
import { bridgeName, errnoFromMessage, ipCommand, parseCidr, publishRules, vethNames } from '../../src/runtime/network/index.js';

describe('names', () => {
  it('bridge and veth ends carry the prefix and fit IFNAMSIZ', () => {
    expect(bridgeName('clab')).toBe('clab0');
    expect(vethNames('clab', 'c1')).toEqual({ host: 'clabvc1', peer: 'clabpc1' });
    expect(vethNames('clab6', 'abcdefgh').host).toHaveLength(14);
    expect(() => vethNames('clab6x', 'abcdefghi')).toThrow(/at most 15/);
    expect(() => bridgeName('cl ab')).toThrow(/not a usable link name/);
  });
});

describe('ipCommand', () => {
  it('runs on the host, in a named netns, or through nsenter for a container', () => {
    expect(ipCommand({ kind: 'host' }, ['link'])).toEqual({ file: 'ip', args: ['link'] });
    expect(ipCommand({ kind: 'named', name: 'clab6n1' }, ['link'])).toEqual({ file: 'ip', args: ['-n', 'clab6n1', 'link'] });
    expect(ipCommand({ kind: 'pid', pid: 4242 }, ['-batch', '-'])).toEqual({
      file: 'nsenter',
      args: ['-t', '4242', '-n', 'ip', '-batch', '-'],
    });
    expect(ipCommand({ kind: 'pid', pid: 4242 }, ['-json', 'fdb'], 'bridge').args).toEqual(['-t', '4242', '-n', 'bridge', '-json', 'fdb']);
  });
});

describe('errnoFromMessage', () => {
  it('reads the kernel answer that ip prints', () => {
    expect(errnoFromMessage('RTNETLINK answers: File exists\n')).toBe('EEXIST');
    expect(errnoFromMessage('RTNETLINK answers: Operation not permitted')).toBe('EPERM');
    expect(errnoFromMessage('Cannot find device "x"')).toBeUndefined();
  });
});

describe('publishRules', () => {
  const spec = {
    name: 'clab_publish',
    bridge: 'clab0',
    gateway: '10.123.0.1',
    subnet: parseCidr('10.123.0.0/24')!,
    hostPort: 8080,
    containerAddress: '10.123.0.2',
    containerPort: 80,
  };
  it("shows Docker's two rules and applies only a DNAT limited to the bridge's address", () => {
    const r = publishRules(spec);
    expect(r.docker).toEqual([
      'iptables -t nat -A DOCKER ! -i clab0 -p tcp --dport 8080 -j DNAT --to-destination 10.123.0.2:80',
      'iptables -t nat -A POSTROUTING -s 10.123.0.0/24 ! -o clab0 -j MASQUERADE',
    ]);
    expect(r.nft).toContain('table inet clab_publish {');
    expect(r.nft).toContain('type nat hook output priority -100; policy accept;');
    expect(r.nft).toContain('ip daddr 10.123.0.1 tcp dport 8080 dnat ip to 10.123.0.2:80');
    expect(r.nft).not.toContain('masquerade');
    // The same DNAT for iptables: the lab's own chain, then the one jump into it from nat OUTPUT.
    expect(r.iptables.map((a) => `iptables ${a.join(' ')}`)).toEqual([
      'iptables -t nat -N clab_publish',
      'iptables -t nat -A clab_publish -d 10.123.0.1/32 -p tcp --dport 8080 -j DNAT --to-destination 10.123.0.2:80',
      'iptables -t nat -A OUTPUT -j clab_publish',
    ]);
    expect(r.notApplied[0]?.rule).toBe('ip saddr 10.123.0.0/24 oifname != "clab0" masquerade');
  });
  it('refuses bad ports and table or chain names', () => {
    expect(() => publishRules({ ...spec, hostPort: 0 })).toThrow(/between 1 and 65535/);
    expect(() => publishRules({ ...spec, name: 'x; flush ruleset' })).toThrow(/not a usable nft table or iptables chain name/);
    expect(() => publishRules({ ...spec, name: 'a'.repeat(29) })).toThrow(/not a usable/);
  });
});
