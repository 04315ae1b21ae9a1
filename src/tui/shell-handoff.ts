/**
 * Handing the terminal to a real shell inside a container, through a pty (as `docker exec -it`
 * does): the learner's keys go to the pty, its output to the screen, window resizes follow, and when
 * the shell exits the terminal comes back to the lab. Ink is unmounted by the caller first, so
 * nothing else reads the keyboard or draws meanwhile.
 */
import { spawn } from '@lydell/node-pty';

export interface Terminal {
  stdin: NodeJS.ReadStream;
  stdout: NodeJS.WriteStream;
}

/**
 * The environment of the process the pty starts (the exec stage): nothing from the host's but the
 * terminal type. The shell inside gets the container's own environment plus shell-env.ts's.
 */
function ptyEnv(term: string | undefined): Record<string, string> {
  return { TERM: term ?? 'xterm-256color', PATH: '/usr/sbin:/usr/bin:/sbin:/bin' };
}

/** Runs `command` on a pty wired to the terminal; resolves with its exit code when it exits. */
export function runOnPty(command: { file: string; args: string[] }, term: Terminal): Promise<number> {
  const { stdin, stdout } = term;
  const pty = spawn(command.file, command.args, {
    name: process.env.TERM ?? 'xterm-256color',
    cols: stdout.columns ?? 80,
    rows: stdout.rows ?? 24,
    cwd: '/',
    env: ptyEnv(process.env.TERM),
  });
  const onKeys = (data: Buffer) => pty.write(data.toString('utf8'));
  const onResize = () => pty.resize(stdout.columns ?? 80, stdout.rows ?? 24);
  const output = pty.onData((data) => stdout.write(data));
  if (stdin.isTTY) stdin.setRawMode(true);
  stdin.on('data', onKeys);
  stdin.resume();
  stdout.on('resize', onResize);
  return new Promise((resolve) => {
    pty.onExit(({ exitCode }) => {
      output.dispose();
      stdin.off('data', onKeys);
      stdout.off('resize', onResize);
      if (stdin.isTTY) stdin.setRawMode(false);
      stdin.pause();
      resolve(exitCode);
    });
  });
}
