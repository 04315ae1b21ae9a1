/** The actions of the `veth-bridge` and `capabilities` lessons, listed once for the catalogue. */
import type { ActionDef } from './action.js';
import { capReportAction } from './cap-report.js';
import { grantFileCapAction } from './cap-file.js';
import { tryPrivilegedAction } from './cap-try.js';
import { createBridgeAction } from './net-bridge.js';
import { pingContainerAction } from './net-ping.js';
import { publishPortAction } from './net-publish.js';
import { addVethAction, configureEth0Action, connectContainerAction, moveVethAction } from './net-veth.js';
import { drawTopologyAction, showForwardingAction } from './net-view.js';

export const NETWORK_AND_CAPABILITY_ACTIONS: readonly ActionDef[] = [
  createBridgeAction,
  addVethAction,
  moveVethAction,
  configureEth0Action,
  connectContainerAction,
  pingContainerAction,
  showForwardingAction,
  drawTopologyAction,
  publishPortAction,
  capReportAction,
  tryPrivilegedAction,
  grantFileCapAction,
];
