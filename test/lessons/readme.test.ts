import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ACTIONS } from '../../src/lessons/actions/index.js';
import { catalogueTables, withCatalogue } from '../../src/lessons/catalogue.js';
import { CHECKS } from '../../src/lessons/checks/index.js';
import { PROBES } from '../../src/probes/index.js';

const readme = readFileSync(path.resolve(__dirname, '../../lessons/README.md'), 'utf8');

describe('lessons/README.md', () => {
  it('holds the three catalogue tables as the code writes them (else run `npm run catalogue`)', () => {
    for (const name of ['actions', 'probes', 'checks']) expect(readme).toContain(`<!-- generated: ${name} -->\n`);
    expect(withCatalogue(readme) === readme, 'lessons/README.md differs from the declarations: run `npm run catalogue`').toBe(true);
  });

  it('has a row for every action, probe and check a lesson can name', () => {
    const tables = Object.values(catalogueTables()).join('\n');
    const missing = [...Object.keys(ACTIONS), ...Object.keys(PROBES), ...Object.keys(CHECKS)].filter(
      (name) => !tables.includes(`| \`${name}\` |`),
    );
    expect(missing).toEqual([]);
  });

  it('a table that drifts from the code is rewritten, and only between its markers', () => {
    const drifted = readme.replace(/^\| `observe` \|.*$/m, '| `observe` | an old summary | — | — |');
    expect(drifted).not.toBe(readme);
    expect(withCatalogue(drifted)).toBe(readme);
    expect(() => withCatalogue('<!-- generated: nonsense -->\nx\n<!-- end generated -->')).toThrow(
      'no generated table is called "nonsense"',
    );
  });

  it("shows each action's declarations: what it starts, whether it waits, its host programs", () => {
    const { actions } = catalogueTables();
    const row = (name: string) => actions.split('\n').find((l) => l.startsWith(`| \`${name}\` |`))!;
    expect(row('spawn')).toMatch(/\| starts a process \(`process\.NAME`\) \|$/);
    expect(row('signal')).toMatch(/\| waits on purpose \(expect: survives\) \|$/);
    expect(row('publish-port')).toMatch(/\| host: `nft` or `iptables` \|$/);
    expect(row('try-privileged')).toMatch(/\| host: `ip`, `nsenter` \(op: ping\) \|$/);
  });
});
