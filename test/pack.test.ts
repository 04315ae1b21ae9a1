/**
 * The published package must work on its own. From a copy of this tree without dist/ (a fresh
 * clone, with the dev dependencies at hand), `npm pack` builds first; the tarball installs into an
 * empty directory with nothing but the native addons the bundle leaves out, and the installed
 * binary runs.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'clab-pack-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** The files git knows here (committed or not, minus ignored ones such as dist/ and node_modules/). */
function cloneWithoutDist(to: string): void {
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { encoding: 'utf8' })
    .split('\0')
    .filter(Boolean);
  for (const file of files.filter((f) => fs.existsSync(f))) fs.cpSync(file, path.join(to, file), { recursive: true });
  fs.symlinkSync(path.resolve('node_modules'), path.join(to, 'node_modules'));
}

/** Installed packages, from npm's own record of the tree it made. */
function installed(app: string): string[] {
  const lock = JSON.parse(fs.readFileSync(path.join(app, 'node_modules/.package-lock.json'), 'utf8')) as {
    packages: Record<string, unknown>;
  };
  return Object.keys(lock.packages)
    .filter(Boolean)
    .map((p) => p.replace(/^.*node_modules\//, ''));
}

describe('npm pack', () => {
  it('builds first, installs only the native addons into an empty directory, and runs --version and doctor', () => {
    const clone = path.join(tmp, 'clone');
    cloneWithoutDist(clone);
    expect(fs.existsSync(path.join(clone, 'dist'))).toBe(false);
    const out = execFileSync('npm', ['pack', '--silent', '--pack-destination', tmp], { cwd: clone, encoding: 'utf8' })
      .trim()
      .split('\n')
      .pop()!;
    const tarball = path.join(tmp, out);
    expect(execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).split('\n')).toContain('package/dist/cli.js');

    const app = path.join(tmp, 'app');
    fs.mkdirSync(app);
    fs.writeFileSync(path.join(app, 'package.json'), '{"name":"empty","version":"1.0.0","private":true}');
    execFileSync('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', tarball], { cwd: app, stdio: 'ignore' });
    // Ink, React, execa and yaml are in the bundle; koffi and node-pty load .node files of their
    // own (with a prebuilt package per platform), so they stay outside it.
    const native = /^(koffi|@koromix\/koffi-[\w-]+|@lydell\/node-pty(-[\w-]+)?)$/;
    expect(installed(app).filter((name) => name !== 'container-lab' && !native.test(name))).toEqual([]);

    const version = execFileSync('npx', ['container-lab', '--version'], { cwd: app, encoding: 'utf8' }).trim();
    expect(version).toBe(JSON.parse(fs.readFileSync('package.json', 'utf8')).version);
    const doctor = JSON.parse(execFileSync('npx', ['container-lab', 'doctor', '--json'], { cwd: app, encoding: 'utf8' }));
    expect(doctor.findings.map((f: { id: string }) => f.id)).toContain('overlay');
    // the packed rootfs layer definitions travel with the package
    expect(fs.existsSync(path.join(app, 'node_modules/container-lab/rootfs'))).toBe(true);
  }, 180_000);
});
