/**
 * What a lesson made outside its containers: host-side overlays (whiteouts' `overlay-w`), the
 * propagation experiment's mounts, a bridge and its veths, nft tables. Like everything the lab
 * makes, each is in the ledger from the moment it exists; the runtime removes them all on quit.
 *
 * A lesson reset (`r`, a jump, leaving the lesson) removes them too, not only the containers:
 * otherwise the next walk meets the old state (whiteouts step 9 deleting through the old upper
 * layer, a second bridge taking the next subnet because the first is still there). The lab's own
 * helper processes (the spare shim started ahead of time, the mount lab's escape helper) are kept:
 * they hold no lesson state, and starting them again would only cost time.
 */
import { LinuxKernel } from '../../kernel/linux.js';
import type { ContainerRuntime } from '../../runtime/api.js';
import { releaseOwned } from '../../runtime/host-side.js';
import { Runtime } from '../../runtime/runtime.js';

export class MadeOutside {
  /** The ledger ids that existed before the lesson began (another lesson's, the spare shim's). */
  private before: Set<string>;

  constructor(private readonly runtime: ContainerRuntime) {
    this.before = this.ids();
  }

  /**
   * Removes what the lesson made since it began (or since the last removal), newest first, once its
   * containers are gone. A resource that cannot be removed stays in the ledger for the quit or
   * `container-lab cleanup`, and the sentence that says why is returned.
   */
  async remove(): Promise<string[]> {
    const rt = this.runtime;
    if (!(rt instanceof Runtime)) return [];
    const made = rt.ledger.entries().filter((r) => !this.before.has(r.id) && r.entry.kind !== 'process');
    const failures = await releaseOwned(
      rt.ledger,
      made.map((r) => r.id),
      new LinuxKernel(),
      rt.paths,
    );
    this.before = this.ids();
    return failures.map((f) => String((f.error as Error)?.message ?? f.error));
  }

  private ids(): Set<string> {
    return this.runtime instanceof Runtime ? new Set(this.runtime.ledger.entries().map((r) => r.id)) : new Set();
  }
}
