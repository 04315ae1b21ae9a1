/** Overlay mounts in the host's mount namespace, for the filesystem lessons (see host-overlay.ts). */
export { mountHostOverlay, unmountHostOverlay, releaseLedgered, type HostOverlay, type HostOverlayContext } from './host-overlay.js';
