/**
 * How a step's two panes relate: what each is titled, and whether they can be compared row by row.
 *
 * A step's two panes are usually the host's view and the container's view
 * of the same thing, titled Host and Container. But a step may put one container's process in the
 * host pane and look inside *another* container in the other (capabilities: Docker's default set
 * next to a container that dropped two). Then the step compares two containers, and each pane is
 * titled by the container it shows: "Host" over a second container would name the wrong thing.
 * In a lesson with more than one container, the container pane always says which one it looks into.
 */
import { PROBES } from '../probes/index.js';
import type { ViewSpec } from './types.js';
import { t } from '../i18n/index.js';

export interface PaneLabels {
  host: string;
  container: string;
}

/** The container whose process a host-side view reads (`pid: container.box`), if it reads one. */
function containerShown(view: ViewSpec, containers: readonly string[]): string | undefined {
  const specs = PROBES[view.probe]?.args ?? {};
  for (const [name, value] of Object.entries(view.args)) {
    if (specs[name]?.type.kind !== 'pid-ref' || typeof value !== 'string') continue;
    if (value === 'container') return containers[0];
    if (value.startsWith('container.')) return value.slice('container.'.length);
  }
  return undefined;
}

export function paneLabels(host: ViewSpec | undefined, container: ViewSpec | undefined, containers: readonly string[]): PaneLabels {
  const inside = container?.container;
  const shown = host && containerShown(host, containers);
  if (shown && inside && shown !== inside)
    return { host: t('tui.pane.from-host', { name: shown }), container: t('tui.pane.container-named', { name: inside }) };
  return {
    host: t('tui.lesson.host'),
    container: inside && containers.length > 1 ? t('tui.pane.container-named', { name: inside }) : t('tui.lesson.container'),
  };
}

/**
 * Two views can be compared row by row only when they read the same kind of object the same way:
 * the same probe with the same arguments, apart from which process it looks at and which rows it
 * keeps (a row filter such as `links: lab`). (A full status
 * next to its decoded bounding set differs on every row, and saying so would teach nothing.)
 */
export function comparable(a: ViewSpec | undefined, b: ViewSpec | undefined): boolean {
  if (!a || !b || a.probe !== b.probe) return false;
  const specs = PROBES[a.probe]?.args ?? {};
  const keys = new Set([...Object.keys(a.args), ...Object.keys(b.args)]);
  return [...keys].every(
    (k) => specs[k]?.type.kind === 'pid-ref' || specs[k]?.rowFilter || JSON.stringify(a.args[k]) === JSON.stringify(b.args[k]),
  );
}
