/**
 * The kernel's own answer for a capabilities step. A program turns errno into words, and words
 * cannot be turned back into the number (util-linux's `mount` prints "permission denied" for EPERM).
 * So the lab asks the container's shim to make the same call itself, in the container's namespaces
 * and with a given effective set (runtime.attempt), and shows the call with what the kernel returned.
 */
import { t } from '../../i18n/index.js';
import { renderEvent, type PrimitiveEvent } from '../../kernel/kernel.js';
import type { Attempt, Container } from '../../runtime/api.js';
import type { ActionContext } from './action.js';

export interface KernelAnswer {
  /** True when every call of the attempt succeeded. */
  ok: boolean;
  /** The errno of the call that was refused. */
  errno?: string;
  /** The calls as a learner reads them: `mount("none", "/mnt", "tmpfs", 0, NULL) = -1 EPERM (Operation not permitted)`. */
  lines: string[];
  /** For execve: the effective set the kernel gave the process it started. */
  capEff?: bigint;
}

function line(e: PrimitiveEvent): string {
  return e.ok ? renderEvent(e) : `${renderEvent(e)} (${e.error?.text ?? t('actions.kernel.refused')})`;
}

/** Makes `attempt` in `c` with `effective` as the effective set; the calls are in the step's primitives too. */
export async function kernelAnswer(ctx: ActionContext, c: Container, attempt: Attempt, effective: bigint): Promise<KernelAnswer> {
  const answer = await ctx.runtime.attempt(c, attempt, effective);
  const refused = answer.events.find((e) => !e.ok);
  return {
    ok: refused === undefined,
    errno: refused?.error?.code,
    lines: answer.events.map(line),
    ...(answer.capEff !== undefined ? { capEff: BigInt(`0x${answer.capEff}`) } : {}),
  };
}

/** Joins answers made one after the other (a datagram socket, then a raw one): it succeeds when any did. */
export function eitherAnswer(...answers: KernelAnswer[]): KernelAnswer {
  const ok = answers.some((a) => a.ok);
  return { ok, errno: ok ? undefined : answers.at(-1)?.errno, lines: answers.flatMap((a) => a.lines) };
}
