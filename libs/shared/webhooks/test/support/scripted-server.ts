import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
  readonly at: number;
}

/** What the server does with one request: answer it, or never answer (a hang). */
export type Script = (request: ReceivedRequest, res: ServerResponse) => void;

export const answer =
  (status: number, body: unknown = {}, headers: Record<string, string> = {}): Script =>
  (_, res) => {
    // No keep-alive: a later test's server may get the same port, and a pooled socket to the
    // closed one would fail that test's first attempt.
    res.writeHead(status, { 'content-type': 'application/json', connection: 'close', ...headers });
    res.end(JSON.stringify(body));
  };

export const hang: Script = () => undefined;

/**
 * A real HTTP server on 127.0.0.1 that plays a script: `next` answers queued first, then
 * `otherwise`. It records every request it received, with its arrival time.
 */
export class ScriptedServer {
  readonly received: ReceivedRequest[] = [];
  readonly next: Script[] = [];
  otherwise: Script = answer(200, { ok: true });
  private readonly server: Server;
  private readonly open = new Set<ServerResponse>();

  private constructor() {
    this.server = createServer((req: IncomingMessage, res: ServerResponse) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const request = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString(), at: Date.now() };
        this.received.push(request);
        this.open.add(res);
        res.on('close', () => this.open.delete(res));
        (this.next.shift() ?? this.otherwise)(request, res);
      });
    });
  }

  static async start(): Promise<ScriptedServer> {
    const scripted = new ScriptedServer();
    await new Promise<void>((resolve) => scripted.server.listen(0, '127.0.0.1', resolve));
    return scripted;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async close(): Promise<void> {
    for (const res of this.open) res.destroy();
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.server.closeAllConnections(); // keep-alive sockets would hold close() open
    await closed;
  }
}
