import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { capabilitiesProbe } from '../../src/probes/capabilities.js';
import { emptySnapshot, type Reader } from '../../src/probes/reader.js';

const status = fs.readFileSync(path.join(import.meta.dirname, 'fixtures/status-container.txt'), 'utf8');
const reader: Reader = {
  side: 'container',
  async read(patterns) {
    const snap = emptySnapshot();
    for (const p of patterns) if (p.path === '/proc/1/status') snap.files.set(p.path, status);
    return snap;
  },
};

describe('capabilities probe', () => {
  it('shows the five masks and NoNewPrivs', async () => {
    const view = await capabilitiesProbe.run({ reader, procRoot: '/proc', args: { pid: 1, names: 'none' } });
    expect(view.title).toBe('/proc/1/status');
    expect(view.rows.map((r) => r.cells.join(' '))).toEqual([
      'CapInh 0000000000000000 0 caps',
      'CapPrm 00000000a80425fb 14 caps',
      'CapEff 00000000a80425fb 14 caps',
      'CapBnd 00000000a80425fb 14 caps',
      'CapAmb 0000000000000000 0 caps',
      'NoNewPrivs 0 ',
    ]);
  });
  it('spells one set out name by name', async () => {
    const view = await capabilitiesProbe.run({ reader, procRoot: '/proc', args: { pid: 1, names: 'bounding' } });
    expect(view.rows).toHaveLength(14);
    expect(view.rows[0]).toEqual({ key: 'CAP_CHOWN', cells: ['CAP_CHOWN'] });
  });
  it('says when the process is gone', async () => {
    const view = await capabilitiesProbe.run({ reader, procRoot: '/proc', args: { pid: 7, names: 'none' } });
    expect(view.rows).toEqual([]);
    expect(view.note).toMatch(/\/proc\/7\/status/);
  });
});
