/**
 * Shared by the overlay probes: find a lab overlay by name and read its directories from the
 * kernel's mount table. These probes look at host directories (layers, upper, merged) directly, so
 * they read from the lab process whichever pane shows them; each title names the exact path read.
 */
import { t } from '../i18n/index.js';
import fs from 'node:fs';
import path from 'node:path';
import { overlayDirsFromMountinfo } from '../overlay/mounted.js';
import type { OverlayDirs } from '../overlay/probe.js';
import { containerDir, labPaths } from '../runtime/paths.js';
import type { ArgDef } from './arg-spec.js';

export const OVERLAY_ARG: ArgDef = { type: { kind: 'name' }, doc: 'the lab overlay, as named by `mount-overlay`' };

/** Where the overlay called `name` is mounted (`<stateDir>/containers/<name>/merged`). */
export function mergedOf(name: string): string {
  return path.join(containerDir(labPaths(), name), 'merged');
}

/** The overlay's directories, or undefined when it is not mounted (the step that mounts it has not run). */
export function findOverlay(name: string, procRoot: string): OverlayDirs | undefined {
  return overlayDirsFromMountinfo(fs.readFileSync(`${procRoot}/self/mountinfo`, 'utf8'), mergedOf(name));
}

export function notMounted(name: string): string {
  return t('probes.overlay.not-mounted', { name, merged: mergedOf(name) });
}
