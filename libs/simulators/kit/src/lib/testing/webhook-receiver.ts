import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the receiver got, whatever it answered. */
export interface ReceivedWebhook {
  readonly headers: IncomingHttpHeaders;
  /** The raw body, as signed. */
  readonly body: string;
  /** The status it was answered with. */
  readonly status: number;
  /** When it arrived (ms since the epoch). */
  readonly at: number;
}

/** How the receiver answers the n-th request (0-based); default 204. */
export type WebhookAnswer = (n: number) => { status: number; headers?: Record<string, string> };

export interface WebhookReceiver {
  /** `http://127.0.0.1:<port>/hooks` */
  readonly url: string;
  readonly received: ReceivedWebhook[];
  /** Changes how later requests are answered. */
  answerWith(answer: WebhookAnswer): void;
  close(): Promise<void>;
}

/** A real HTTP endpoint on a free port that records every webhook and answers as told (e.g. fail twice, then 204). */
export async function startWebhookReceiver(answer: WebhookAnswer = () => ({ status: 204 })): Promise<WebhookReceiver> {
  const received: ReceivedWebhook[] = [];
  let current = answer;
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const { status, headers = {} } = current(received.length);
      received.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8'), status, at: Date.now() });
      response.writeHead(status, headers).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    received,
    answerWith(next) {
      current = next;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
