/** The probes of the `veth-bridge` and `capabilities` lessons, listed once for the catalogue. */
import { capabilitiesProbe } from './capabilities.js';
import { netInterfacesProbe } from './net-interfaces.js';
import { netRoutesProbe } from './net-routes.js';
import type { ProbeDef } from './probe.js';

export const NETWORK_AND_CAPABILITY_PROBES: readonly ProbeDef[] = [netInterfacesProbe, netRoutesProbe, capabilitiesProbe];
