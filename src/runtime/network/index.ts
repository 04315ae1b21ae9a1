/**
 * The lab's bridge network, built the way Docker's default `bridge` network is: a bridge on the
 * host, a veth pair per container, addresses from one subnet, and NAT rules for published ports.
 */
export { chooseSubnet, parseCidr, formatCidr, hostAddress, overlaps, DEFAULT_CANDIDATES } from './subnet.js';
export type { Cidr, SubnetChoice, RouteJson, AddrJson } from './subnet.js';
export { bridgeName, vethNames, CONTAINER_IFNAME, MAX_IFNAME } from './names.js';
export { HOST, ipCommand, describeNetns } from './netns.js';
export type { NetnsRef } from './netns.js';
export { ip, ipBatch, readJson, NetworkCommandError, errnoFromMessage } from './run.js';
export type { NetworkContext } from './run.js';
export { addLink, createBridge, deleteLink } from './bridge.js';
export type { LabBridge, LedgerLike, NetworkDeps } from './bridge.js';
export { addVethPair, moveIntoContainer, configureContainerEnd, attachContainer } from './veth.js';
export { operstateSettled, settleOperstate } from './link-state.js';
export type { VethPair } from './veth.js';
export { chooseLabSubnet, readLinks, readNeighbours, readNamespace, readFdb, readTopology, linkExists } from './read.js';
export type { ContainerNetns } from './read.js';
export { buildTopology, toLinkViews, hostEndOf, learnedMacs } from './topology.js';
export type { Topology, LinkView, NamespaceView, LinkJson, FdbJson, NeighJson } from './topology.js';
export { drawTopology } from './diagram.js';
export { publishRules } from './publish.js';
export type { PublishSpec, PublishRules } from './publish.js';
export { applyPublishRules, dropPublishRules, publishBackend, readPublishRules, removePublishRules } from './publish-apply.js';
export type { Applied, PublishBackend } from './publish-apply.js';
export { connectAndRead } from './connect.js';
export type { ConnectResult } from './connect.js';
export { classifySockets, socketInodes, tableInodes, listeningOn } from './sockets.js';
export type { SocketTable } from './sockets.js';
export { subnetFinding } from './doctor.js';
export type { SubnetFinding } from './doctor.js';
