/**
 * Draws the lab network from a {@link Topology}, in plain ASCII so it reads the same in a narrow
 * pane, a screen reader and a copy into notes:
 *
 *   +- host ---------------------------------+
 *   | clab0 bridge #4 10.123.0.1/24 UP       |
 *   |  +- clabvc1 #7 <-> peer #2 UP          |
 *   |  +- clabvc2 #9 <-> peer #2 UP          |
 *   +---------|------------------|-----------+
 *             |                  |
 *   +- c1 pid 4242 ---+ +- c2 pid 4250 ---+
 *   | eth0 #2 <-> #7  | | eth0 #2 <-> #9  |
 *   |  10.123.0.2/24  | |  10.123.0.3/24  |
 *   +-----------------+ +-----------------+
 *
 * A vertical line joins a container to the host only when the kernel's interface numbers match
 * on both ends of the pair.
 */
import { t } from '../../i18n/index.js';
import { padText, textWidth } from '../../i18n/text-width.js';
import { hostEndOf, type LinkView, type NamespaceView, type Topology } from './topology.js';

/** UP, DOWN, or why an UP link carries nothing yet (a bridge with no port up, a veth whose peer is down). */
function state(l: LinkView): string {
  if (!l.up) return 'DOWN';
  if (l.state === 'DOWN') return t('runtime.diagram.no-carrier');
  if (l.state === 'LOWERLAYERDOWN') return t('runtime.diagram.peer-down');
  return 'UP';
}

function hostLines(topology: Topology): string[] {
  const lines: string[] = [];
  const b = topology.bridge;
  if (b) lines.push(`${b.name} bridge #${b.ifindex} ${b.addresses.join(' ') || t('runtime.diagram.no-address')} ${state(b)}`);
  const rest = topology.host.links.filter((l) => l.name !== b?.name);
  for (const l of rest) {
    const peer = l.peerIfindex !== undefined ? ` <-> peer #${l.peerIfindex}` : '';
    const where = b && l.master === b.name ? ' +- ' : '';
    const kind = l.kind === 'veth' ? '' : ` ${l.kind}`;
    lines.push(`${where}${l.name}${kind} #${l.ifindex}${peer}${where ? '' : ` ${t('runtime.diagram.no-bridge')}`} ${state(l)}`);
  }
  if (lines.length === 0) lines.push(t('runtime.diagram.no-links'));
  return lines;
}

function containerLines(c: NamespaceView): string[] {
  const lines: string[] = [];
  for (const l of c.links) {
    const peer = l.peerIfindex !== undefined ? ` <-> #${l.peerIfindex}` : '';
    lines.push(`${l.name} #${l.ifindex}${peer} ${state(l)}`);
    for (const a of l.addresses) lines.push(`  ${a}`);
  }
  return lines;
}

// Widths are terminal columns, not characters: a Chinese label takes two columns a character.
function box(title: string, lines: readonly string[], width: number): string[] {
  const inner = width - 4;
  const head = `+- ${title} `;
  const top = head + '-'.repeat(Math.max(0, width - 1 - textWidth(head))) + '+';
  return [top, ...lines.map((l) => `| ${padText(l, inner)} |`), '+' + '-'.repeat(width - 2) + '+'];
}

function widthOf(title: string, lines: readonly string[]): number {
  return Math.max(textWidth(title) + 5, ...lines.map((l) => textWidth(l) + 4));
}

/** Draws the topology, placing containers side by side when they fit in `maxWidth` columns. */
export function drawTopology(topology: Topology, maxWidth = 80): string {
  const boxes = topology.containers.map((c) => {
    const title = c.pid !== undefined ? `${c.label} pid ${c.pid}` : c.label;
    const lines = containerLines(c);
    const wired = c.links.some((l) => hostEndOf(topology, l) !== undefined);
    return { title, lines, width: widthOf(title, lines), wired };
  });
  const hLines = hostLines(topology);
  const sideBySide = boxes.reduce((sum, b) => sum + b.width + 1, 0) - 1 <= maxWidth;
  const rowWidth = sideBySide ? boxes.reduce((sum, b) => sum + b.width + 1, 0) - 1 : Math.max(0, ...boxes.map((b) => b.width));
  const hostTitle = t('runtime.diagram.host');
  const hostWidth = Math.max(widthOf(hostTitle, hLines), rowWidth);
  const out = box(hostTitle, hLines, hostWidth);

  if (sideBySide && boxes.length > 0) {
    const centres: number[] = [];
    let x = 0;
    for (const b of boxes) {
      centres.push(x + Math.floor(b.width / 2));
      x += b.width + 1;
    }
    const wire = (fill: string, edge: string) => {
      const chars = [...edge.padEnd(hostWidth, fill)];
      boxes.forEach((b, i) => {
        if (b.wired) chars[centres[i]!] = '|';
      });
      return chars.join('').trimEnd();
    };
    out[out.length - 1] = wire('-', '+' + '-'.repeat(hostWidth - 2) + '+');
    if (boxes.some((b) => b.wired)) out.push(wire(' ', ''));
    const rendered = boxes.map((b) => box(b.title, b.lines, b.width));
    const height = Math.max(...rendered.map((r) => r.length));
    for (let row = 0; row < height; row++) {
      out.push(
        rendered
          .map((r, i) => padText(r[row] ?? '', boxes[i]!.width))
          .join(' ')
          .trimEnd(),
      );
    }
  } else {
    for (const b of boxes) {
      out.push(b.wired ? '    |' : '');
      out.push(...box(b.title, b.lines, b.width));
    }
  }
  return out.join('\n');
}
