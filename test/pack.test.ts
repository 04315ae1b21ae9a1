/**
 * The published package must work on its own: pack it, install the tarball into an empty
 * directory, and run the installed binary.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'clab-pack-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('npm pack', () => {
  it('installs from the tarball into an empty directory and runs --version and doctor', () => {
    const out = execFileSync('npm', ['pack', '--silent', '--pack-destination', tmp], { encoding: 'utf8' }).trim().split('\n').pop()!;
    const tarball = path.join(tmp, out);
    const app = path.join(tmp, 'app');
    fs.mkdirSync(app);
    fs.writeFileSync(path.join(app, 'package.json'), '{"name":"empty","version":"1.0.0","private":true}');
    execFileSync('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', tarball], { cwd: app, stdio: 'ignore' });
    const version = execFileSync('npx', ['container-lab', '--version'], { cwd: app, encoding: 'utf8' }).trim();
    expect(version).toBe(JSON.parse(fs.readFileSync('package.json', 'utf8')).version);
    const doctor = JSON.parse(execFileSync('npx', ['container-lab', 'doctor', '--json'], { cwd: app, encoding: 'utf8' }));
    expect(doctor.findings.map((f: { id: string }) => f.id)).toContain('overlay');
    // the packed rootfs layer definitions travel with the package
    expect(fs.existsSync(path.join(app, 'node_modules/container-lab/rootfs'))).toBe(true);
  }, 180_000);
});
