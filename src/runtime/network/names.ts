/**
 * Link names. Docker calls its bridge `docker0` and each host end of a veth pair `veth<hash>`;
 * the lab calls its bridge `<prefix>0` (`clab0`) and the host end of container c1's pair
 * `<prefix>v<id>` (`clabvc1`). Every name starts with the prefix, which is how `cleanup` knows a
 * link is the lab's. The kernel allows at most 15 characters (IFNAMSIZ is 16 with the final NUL).
 */
import { t } from '../../i18n/index.js';

/** IFNAMSIZ - 1: the longest interface name the kernel accepts. */
export const MAX_IFNAME = 15;

/** The lab bridge, like `docker0`. */
export function bridgeName(prefix: string): string {
  return checked(`${prefix}0`);
}

/** The two ends of a container's veth pair before one end moves into the container. */
export function vethNames(prefix: string, containerId: string): { host: string; peer: string } {
  return { host: checked(`${prefix}v${containerId}`), peer: checked(`${prefix}p${containerId}`) };
}

/** The name the container's end takes once it is inside, as in every Docker container. */
export const CONTAINER_IFNAME = 'eth0';

function checked(name: string): string {
  if (name.length > MAX_IFNAME || !/^[a-zA-Z0-9_.-]+$/.test(name)) {
    throw new Error(t('runtime.net.bad-link-name', { name, max: MAX_IFNAME }));
  }
  return name;
}
