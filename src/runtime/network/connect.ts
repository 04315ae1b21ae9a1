/**
 * Connecting from the host to a published port, to see the DNAT rule at work. The lab connects
 * only to its own bridge's address; the rule then sends the connection on to a lab container.
 */
import net from 'node:net';

export interface ConnectResult {
  ok: boolean;
  /** What the server sent before closing (at most 4 KiB), or the error code (ECONNREFUSED…). */
  reply: string;
  durationMs: number;
}

/** Opens a TCP connection, reads until the server closes or `timeoutMs` passes. */
export function connectAndRead(host: string, port: number, timeoutMs = 2000): Promise<ConnectResult> {
  const started = performance.now();
  return new Promise((resolve) => {
    let reply = '';
    const socket = net.connect({ host, port });
    const finish = (ok: boolean, text: string) => {
      socket.destroy();
      resolve({ ok, reply: text, durationMs: performance.now() - started });
    };
    socket.setTimeout(timeoutMs, () => finish(reply.length > 0, reply || 'ETIMEDOUT'));
    socket.on('data', (d) => {
      if (reply.length < 4096) reply += d.toString('utf8');
    });
    socket.on('end', () => finish(true, reply));
    socket.on('error', (err: NodeJS.ErrnoException) => finish(false, err.code ?? err.message));
  });
}
