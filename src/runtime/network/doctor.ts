/**
 * The doctor's sentence about the lab subnet: which block the lab will use and why, or what to do
 * when no candidate is free. Shaped like every other doctor finding.
 */
import { t } from '../../i18n/index.js';
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
  const title = t('runtime.net.doctor.title');
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
        detail: t('runtime.net.doctor.no-ip'),
        fix: t('runtime.net.doctor.install-ip'),
      };
    }
    return {
      id: 'subnet',
      title,
      status: 'fail',
      detail: message,
      fix: t('runtime.net.doctor.set-subnet'),
    };
  }
}
