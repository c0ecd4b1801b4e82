import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifyWebhook, WEBHOOK_HEADERS } from '@docscreen/webhooks';

export interface ReceivedWebhook {
  deliveryId: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** What the receiver answered. */
  status: number;
  /** Whether the signature verified with the agency's secret. */
  verified: boolean;
}

export interface WebhookReceiver {
  url: string;
  /** Every request, in arrival order. */
  received: ReceivedWebhook[];
  /**
   * Deliveries the receiver acted on: a 2xx answered to a correctly signed request whose delivery id it
   * had not acted on before — de-duplication by the x-docscreen-delivery header, as the README asks of
   * agencies. A resend after a crash is answered 200 and ignored.
   */
  processed: Map<string, number>;
  close(): Promise<void>;
}

export interface ReceiverBehaviour {
  /** The agency's webhook secret; learnt after registration, hence a getter. */
  secret: () => string;
  /** Status for attempt n (1-based) of a delivery; 200 by default. */
  answer?: (attempt: number, deliveryId: string) => number;
  /** Time taken before answering. */
  delayMs?: number;
}

/** A real HTTP server standing in for an agency's endpoint. */
export async function startWebhookReceiver(behaviour: ReceiverBehaviour): Promise<WebhookReceiver> {
  const received: ReceivedWebhook[] = [];
  const processed = new Map<string, number>();
  const attempts = new Map<string, number>();
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const deliveryId = String(request.headers[WEBHOOK_HEADERS.id] ?? '');
      const attempt = (attempts.get(deliveryId) ?? 0) + 1;
      attempts.set(deliveryId, attempt);
      const verified = verifyWebhook({ secret: behaviour.secret(), headers: request.headers, body }).ok;
      const status = verified ? (behaviour.answer?.(attempt, deliveryId) ?? 200) : 401;
      const answer = () => {
        if (status >= 200 && status < 300 && !processed.has(deliveryId))
          processed.set(deliveryId, Date.now());
        received.push({ deliveryId, headers: request.headers, body, status, verified });
        response.writeHead(status, { 'content-type': 'text/plain' }).end(status < 300 ? 'ok' : 'not now');
      };
      if (behaviour.delayMs) setTimeout(answer, behaviour.delayMs);
      else answer();
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/docscreen/alerts`,
    received,
    processed,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
