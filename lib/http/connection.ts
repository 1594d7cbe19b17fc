import type { Socket } from 'node:net';

/** How long a connection the server has closed stays open for the client to read its last answer. */
export const CLOSE_LINGER_MS = 2_000;

/**
 * For the production server (scripts/serve.ts), on each connection: close it gently after a
 * `Connection: close` answer.
 *
 * Node's HTTP server closes such a connection with `socket.destroySoon()`, at once once the
 * answer is written. When the client is still sending a body the server stopped reading (a
 * 413 past a body limit, lib/http/body.ts), closing a socket with unread data makes the kernel
 * send a reset, which can reach the client before it has read the answer: under load, a
 * quarter of 20 MB posts from Node's own HTTP client got EPIPE instead of the 413. Here the
 * answer goes out with the end of the server's side (FIN), the rest of the body is still never
 * read, and the socket is destroyed `lingerMs` later, or as soon as the client closes its side.
 * (Node's server calls `socket.end()` itself when a socket has no destroySoon: overriding it is
 * the seam it leaves.)
 */
export function closeGently(socket: Socket, lingerMs = CLOSE_LINGER_MS): void {
  socket.destroySoon = () => {
    socket.end();
    setTimeout(() => socket.destroy(), lingerMs).unref();
  };
}
