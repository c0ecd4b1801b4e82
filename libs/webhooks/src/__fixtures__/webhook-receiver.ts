import { createServer, type IncomingHttpHeaders } from 'node:http';
import { WEBHOOK_HEADERS } from '../signature.js';

// A real HTTP receiver on the loopback for the integration tests: it records every request and answers
// with whatever status the test decides.

export interface ReceivedRequest {
  deliveryId: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** performance.now() when the request was complete. */
  at: number;
}

/** The status for one request, decided from it and how often its delivery id has come (1 = first). */
export type Answer = (request: ReceivedRequest, nth: number) => number | Promise<number>;

export interface WebhookReceiver {
  url: string;
  requests: ReceivedRequest[];
  close(): Promise<void>;
}

export async function startWebhookReceiver(answer: Answer): Promise<WebhookReceiver> {
  const requests: ReceivedRequest[] = [];
  const server = createServer((req, res) => {
    // A worker killed mid-request leaves a reset socket behind; one test does exactly that.
    req.on('error', () => undefined);
    res.on('error', () => undefined);
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const received: ReceivedRequest = {
        deliveryId: String(req.headers[WEBHOOK_HEADERS.id]),
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        at: performance.now(),
      };
      requests.push(received);
      const nth = requests.filter((r) => r.deliveryId === received.deliveryId).length;
      void Promise.resolve(answer(received, nth)).then((status) => res.writeHead(status).end());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/webhooks/docscreen`,
    requests,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
