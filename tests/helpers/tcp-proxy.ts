/**
 * A TCP relay on the loopback between a client and the test PostgreSQL server, which a test can cut
 * (every connection dropped, new ones refused: the server is gone, as far as the client can tell)
 * and open again on the same port. Optionally it cuts by itself once the client has sent a number
 * of bytes: a network partition in the middle of a transfer.
 */
import { createServer, type Server, type Socket, connect } from 'node:net';

export class TcpProxy {
  private server?: Server;
  private sockets = new Set<Socket>();
  port = 0;
  /** Cut every connection once clients have sent this many bytes in all (undefined: never). */
  cutAfterBytes?: number;
  private sent = 0;
  /** Everything clients sent, when `record` is set: what went over the wire. */
  record = false;
  readonly received: Buffer[] = [];

  constructor(private readonly targetPort: number) {}

  async open(port = this.port): Promise<number> {
    this.sent = 0;
    const server = createServer((client) => {
      const upstream = connect(this.targetPort, '127.0.0.1');
      this.sockets.add(client);
      this.sockets.add(upstream);
      client.on('data', (d) => {
        this.sent += d.length;
        if (this.record) this.received.push(Buffer.from(d));
        if (this.cutAfterBytes !== undefined && this.sent > this.cutAfterBytes) {
          this.cutConnections();
          return;
        }
        upstream.write(d);
      });
      upstream.on('data', (d) => client.write(d));
      const end = () => {
        client.destroy();
        upstream.destroy();
        this.sockets.delete(client);
        this.sockets.delete(upstream);
      };
      client.on('error', end).on('close', end);
      upstream.on('error', end).on('close', end);
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    this.server = server;
    this.port = (server.address() as { port: number }).port;
    return this.port;
  }

  private cutConnections(): void {
    for (const s of this.sockets) s.destroy();
    this.sockets.clear();
  }

  /** The server is gone: connections dropped, the port closed. */
  async cut(): Promise<void> {
    this.cutConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    this.server = undefined;
  }
}
