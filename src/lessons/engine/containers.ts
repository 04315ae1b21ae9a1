/**
 * The lesson's containers while a lesson runs: started from the specs in lesson.yaml, remembered
 * after they end (so the host pane can still look for PID 1's old host PID and find it gone), and
 * deleted on reset and on close.
 */
import { t } from '../../i18n/index.js';
import type { Container, ContainerRuntime, ExitStatus } from '../../runtime/api.js';
import type { ContainerSpec } from '../../runtime/spec.js';

export class LessonContainers {
  private readonly running = new Map<string, Container>();
  private readonly lastPid = new Map<string, number>();
  private readonly ended = new Map<string, ExitStatus>();
  private readonly names: string[];

  constructor(
    private readonly runtime: ContainerRuntime,
    private readonly specs: Readonly<Record<string, ContainerSpec>>,
    /** Called when a container's PID 1 ends (its processes ended with it). */
    private readonly onEnded: (name: string) => void,
  ) {
    this.names = Object.keys(specs);
  }

  /** The lesson's name for a container: '' or undefined means the first. */
  name(name?: string): string {
    return name ? name : (this.names[0] ?? 'main');
  }

  /** The container if it is running. */
  get(name?: string): Container | undefined {
    const c = this.running.get(this.name(name));
    return c?.running ? c : undefined;
  }

  /** PID 1's host PID, also after it ended (undefined if never started). */
  hostPid(name?: string): number | undefined {
    return this.lastPid.get(this.name(name));
  }

  /** How PID 1 ended, if it has. */
  exitStatus(name?: string): ExitStatus | undefined {
    return this.ended.get(this.name(name));
  }

  async start(name?: string): Promise<Container> {
    const key = this.name(name);
    await this.remove(key);
    const spec = this.specs[key];
    if (!spec) throw new Error(t('lessons.container.unknown', { name: key }));
    const c = await this.runtime.create(spec);
    this.running.set(key, c);
    this.lastPid.set(key, c.pid);
    this.ended.delete(key);
    void c.exited.then((status) => {
      if (this.running.get(key) !== c) return;
      this.ended.set(key, status);
      this.onEnded(key);
    });
    return c;
  }

  async ensure(name?: string): Promise<Container> {
    return this.get(name) ?? this.start(name);
  }

  /** Deletes one container (if any) and forgets it. */
  async remove(name: string): Promise<void> {
    const c = this.running.get(name);
    this.running.delete(name);
    this.lastPid.delete(name);
    this.ended.delete(name);
    if (c) await this.runtime.delete(c);
  }

  /** Deletes every container, side by side: each owns its own processes, cgroup and directories. */
  async removeAll(): Promise<void> {
    await Promise.all([...this.running.keys()].map((name) => this.remove(name)));
  }
}
