// A load generator in its own process (so its CPU is not the measured service's event loop), at a
// fixed request rate with autocannon, which corrects latencies for coordinated omission: a request
// that could not be sent on time because the server was slow counts as late, not as not sent.
//
//   node tests/bench/support/load-generator.mjs '<json options>'
//   options: { url, rate, seconds, connections, headers, bodiesFile }   (bodiesFile: a JSON array of
//   request bodies, sent in turn, so that every request can be a different traveller)
// Prints one JSON object: { sent, status: {200: n, …}, answeredBy: {screening: n, …}, p50, p90, p99, max }.
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';

const options = JSON.parse(process.argv[2] ?? '{}');
const bodies = JSON.parse(readFileSync(options.bodiesFile, 'utf8'));
let counter = 0;
const status = {};
const answeredBy = {};

const result = await autocannon({
  url: options.url,
  method: 'POST',
  connections: options.connections ?? 64,
  overallRate: options.rate,
  duration: options.seconds,
  headers: options.headers,
  requests: [
    {
      setupRequest: (request) => ({
        ...request,
        body: bodies[counter++ % bodies.length],
      }),
      onResponse: (code, body) => {
        status[code] = (status[code] ?? 0) + 1;
        try {
          const by = JSON.parse(body).answeredBy ?? 'none';
          answeredBy[by] = (answeredBy[by] ?? 0) + 1;
        } catch {
          answeredBy['unreadable'] = (answeredBy['unreadable'] ?? 0) + 1;
        }
      },
    },
  ],
});
process.stdout.write(
  `${JSON.stringify({
    sent: result.requests.sent,
    status,
    answeredBy,
    errors: result.errors + result.timeouts + result.non2xx,
    p50: result.latency.p50,
    p90: result.latency.p90,
    p99: result.latency.p99,
    max: result.latency.max,
  })}\n`,
);
