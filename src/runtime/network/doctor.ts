/**
 * The doctor's sentence about the lab subnet: which block the lab will use and why, or what to do
 * when no candidate is free. Shaped like every other doctor finding.
 */
import { bridgeName } from './names.js';
import { chooseLabSubnet } from './read.js';

export interface SubnetFinding {
  id: 'subnet';
  title: string;
  status: 'ok' | 'fail';
  detail: string;
  fix?: string;
}

export async function subnetFinding(linkPrefix: string, env: NodeJS.ProcessEnv = process.env): Promise<SubnetFinding> {
  const title = 'lab subnet';
  try {
    const choice = await chooseLabSubnet(bridgeName(linkPrefix), env);
    return { id: 'subnet', title, status: 'ok', detail: choice.reason };
  } catch (err) {
    const message = (err as Error).message;
    if (/ENOENT|not found/i.test(message)) {
      return {
        id: 'subnet',
        title,
        status: 'fail',
        detail: 'cannot read the host routes: `ip` is missing',
        fix: 'Install iproute2 (`sudo apt install iproute2`).',
      };
    }
    return {
      id: 'subnet',
      title,
      status: 'fail',
      detail: message,
      fix: 'Set CONTAINER_LAB_SUBNET to a free IPv4 block such as 10.200.0.0/24.',
    };
  }
}
