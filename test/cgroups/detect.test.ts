import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { detectCgroups, detectLayout, parseMountinfo, rebaseLayout, v1Controllers, v2Controllers } from '../../src/cgroups/detect.js';
import {
  MOUNTINFO_HYBRID,
  MOUNTINFO_LAB_MACHINE,
  MOUNTINFO_V1,
  MOUNTINFO_V2,
  removeTempRoots,
  tempRoot,
  v1Tree,
  v2Tree,
} from './fixtures.js';

afterAll(removeTempRoots);

describe('parseMountinfo', () => {
  it('finds type and superblock options after the separator, whatever the optional fields', () => {
    const [withShared, withoutShared] = parseMountinfo(
      '29 25 0:26 / /sys/fs/cgroup/cpu,cpuacct rw,nosuid shared:13 master:2 - cgroup cgroup rw,cpu,cpuacct\n' +
        '41 31 0:38 / /sys/fs/cgroup/unified rw,relatime - cgroup2 cgroup2 rw\n',
    );
    expect(withShared).toEqual({
      root: '/',
      mountPoint: '/sys/fs/cgroup/cpu,cpuacct',
      fstype: 'cgroup',
      superOptions: ['rw', 'cpu', 'cpuacct'],
    });
    expect(withoutShared).toMatchObject({ mountPoint: '/sys/fs/cgroup/unified', fstype: 'cgroup2' });
  });

  it('decodes octal escapes and skips malformed lines', () => {
    const entries = parseMountinfo('40 1 0:50 /docker/ab\\040c /mnt/my\\040cgroup rw - cgroup2 cgroup2 rw\ngarbage\n\n');
    expect(entries).toEqual([{ root: '/docker/ab c', mountPoint: '/mnt/my cgroup', fstype: 'cgroup2', superOptions: ['rw'] }]);
  });
});

describe('detectLayout', () => {
  it('v2: only cgroup2 is mounted', () => {
    expect(detectLayout(MOUNTINFO_V2)).toEqual({ mode: 'v2', root: '/sys/fs/cgroup', unified: '/sys/fs/cgroup', hierarchies: [] });
  });

  it('v1: one hierarchy per mount, combined mounts keep their controllers together, name=systemd is ignored', () => {
    const layout = detectLayout(MOUNTINFO_V1);
    expect(layout.mode).toBe('v1');
    expect(layout.root).toBe('/sys/fs/cgroup');
    expect(layout.unified).toBeUndefined();
    expect(layout.hierarchies).toEqual([
      { controllers: ['cpu', 'cpuacct'], mountPoint: '/sys/fs/cgroup/cpu,cpuacct' },
      { controllers: ['net_cls', 'net_prio'], mountPoint: '/sys/fs/cgroup/net_cls,net_prio' },
      { controllers: ['memory'], mountPoint: '/sys/fs/cgroup/memory' },
      { controllers: ['pids'], mountPoint: '/sys/fs/cgroup/pids' },
      { controllers: ['cpuset'], mountPoint: '/sys/fs/cgroup/cpuset' },
    ]);
    expect(v1Controllers(layout.hierarchies)).toEqual(['memory', 'pids', 'cpu']);
  });

  it('hybrid: v1 controllers plus a cgroup2 mount at unified/', () => {
    const layout = detectLayout(MOUNTINFO_HYBRID);
    expect(layout).toMatchObject({ mode: 'hybrid', root: '/sys/fs/cgroup', unified: '/sys/fs/cgroup/unified' });
    expect(layout.hierarchies.map((h) => h.mountPoint)).toEqual([
      '/sys/fs/cgroup/cpu,cpuacct',
      '/sys/fs/cgroup/memory',
      '/sys/fs/cgroup/pids',
    ]);
  });

  it("this project's machine: hybrid with cpu and cpuacct apart", () => {
    const layout = detectLayout(MOUNTINFO_LAB_MACHINE);
    expect(layout.mode).toBe('hybrid');
    expect(layout.hierarchies.find((h) => h.controllers.includes('cpuacct'))?.mountPoint).toBe('/sys/fs/cgroup/cpuacct');
    expect(layout.hierarchies.find((h) => h.controllers.includes('cpu'))?.mountPoint).toBe('/sys/fs/cgroup/cpu');
  });

  it('a host missing the pids hierarchy offers only memory and cpu', () => {
    const layout = detectLayout(MOUNTINFO_V1.replace(/.*\/pids .*\n/, ''));
    expect(v1Controllers(layout.hierarchies)).toEqual(['memory', 'cpu']);
  });

  it('a v1 mount with no controller (name=systemd only) beside cgroup2 is a v2 host', () => {
    const text = `${MOUNTINFO_V2}40 26 0:40 / /sys/fs/cgroup/systemd rw - cgroup cgroup rw,name=systemd\n`;
    expect(detectLayout(text).mode).toBe('v2');
  });

  it('a hierarchy bind-mounted twice is listed once', () => {
    const text = `${MOUNTINFO_V1}50 60 0:28 / /var/lib/somewhere/memory rw - cgroup cgroup rw,memory\n`;
    expect(detectLayout(text).hierarchies.filter((h) => h.controllers.includes('memory'))).toHaveLength(1);
  });

  it('no cgroup filesystem at all is a clear error', () => {
    expect(() => detectLayout('22 28 0:21 / /proc rw - proc proc rw\n')).toThrow(/No cgroup filesystem is mounted.*mount -t cgroup2/);
  });
});

describe('rebaseLayout', () => {
  it('moves every mount point under a fixture root', () => {
    const layout = rebaseLayout(detectLayout(MOUNTINFO_HYBRID), '/tmp/fx');
    expect(layout.root).toBe('/tmp/fx');
    expect(layout.unified).toBe('/tmp/fx/unified');
    expect(layout.hierarchies.map((h) => h.mountPoint)).toEqual(['/tmp/fx/cpu,cpuacct', '/tmp/fx/memory', '/tmp/fx/pids']);
  });
});

describe('controllers', () => {
  it("v2: the lab controllers the root's cgroup.controllers lists, in the lab's order", () => {
    expect(v2Controllers('cpuset cpu io memory hugetlb pids rdma misc\n')).toEqual(['memory', 'pids', 'cpu']);
    expect(v2Controllers('cpuset io memory\n')).toEqual(['memory']);
    expect(v2Controllers('\n')).toEqual([]);
  });

  it('detectCgroups reads the v2 root on a fixture tree', () => {
    const root = tempRoot();
    v2Tree(root, 'cpuset io memory pids');
    expect(detectCgroups({ mountinfo: MOUNTINFO_V2, root })).toMatchObject({ mode: 'v2', root, controllers: ['memory', 'pids'] });
  });

  it('detectCgroups on v1 needs no file: the mounts say it all', () => {
    const root = tempRoot();
    v1Tree(root, MOUNTINFO_V1);
    const support = detectCgroups({ mountinfo: MOUNTINFO_V1, root });
    expect(support.controllers).toEqual(['memory', 'pids', 'cpu']);
    expect(support.hierarchies.find((h) => h.controllers.includes('memory'))?.mountPoint).toBe(path.join(root, 'memory'));
  });
});
