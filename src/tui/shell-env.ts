/**
 * What the learner's shell adds to the container's environment: the terminal type (as `docker exec
 * -t` passes it) and a prompt that names the container's hostname and directory. busybox ash
 * expands `\h` and `\w` itself, so the prompt shows the UTS namespace's hostname, not the host's.
 */
export function shellEnv(term: string | undefined): Record<string, string> {
  return { TERM: term ?? 'xterm-256color', PS1: '\\h:\\w# ' };
}
