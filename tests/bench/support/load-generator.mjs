// An open-loop load generator in its own process (so its CPU is not the measured service's event
// loop): request i is due at start + i/rate, evenly spaced, whatever the answers before it. Latency is
// measured from when the request was due, not from when it could be sent, so a server that falls
// behind is charged for the queue it causes (no coordinated omission).
//
//   node tests/bench/support/load-generator.mjs '<json options>'
//   options: { url, rate, seconds, connections, headers, bodiesFile }   (bodiesFile: a JSON array of
//   request bodies, sent in turn, so that every request can be a different traveller)
// Prints one JSON object: { sent, status: {200: n, …}, answeredBy: {screening: n, …}, errors, p50, p90, p99, max }.
// Started with an IPC channel, it reports progress there once a second while answers come in (the
// benchmarks' watchdog, support/watchdog.ts).
import { readFileSync } from 'node:fs';
import { Agent, request } from 'undici';

const options = JSON.parse(process.argv[2] ?? '{}');
const bodies = JSON.parse(readFileSync(options.bodiesFile, 'utf8'));
const dispatcher = new Agent({ connections: options.connections ?? 256, pipelining: 1 });
const total = Math.round(options.rate * options.seconds);
const latencies = [];
const status = {};
const answeredBy = {};
let errors = 0;
process.channel?.unref(); // the channel alone does not keep this process alive
let reported = 0;
const progress = setInterval(() => {
  if (latencies.length > reported) process.send?.({ type: 'progress' });
  reported = latencies.length;
}, 1_000);
progress.unref();

async function send(i, due) {
  try {
    const response = await request(options.url, {
      method: 'POST',
      headers: options.headers,
      body: bodies[i % bodies.length],
      dispatcher,
    });
    const text = await response.body.text();
    status[response.statusCode] = (status[response.statusCode] ?? 0) + 1;
    if (response.statusCode !== 200) errors++;
    try {
      const by = JSON.parse(text).answeredBy ?? 'none';
      answeredBy[by] = (answeredBy[by] ?? 0) + 1;
    } catch {
      answeredBy['unreadable'] = (answeredBy['unreadable'] ?? 0) + 1;
    }
  } catch {
    errors++;
  }
  latencies.push(performance.now() - due);
}

const start = performance.now() + 50;
const inFlight = [];
for (let i = 0; i < total; i++) {
  const due = start + (i * 1000) / options.rate;
  const wait = due - performance.now();
  if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
  inFlight.push(send(i, due));
}
await Promise.all(inFlight);
await dispatcher.close();
latencies.sort((a, b) => a - b);
const at = (p) =>
  Math.round(latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? 0);
process.stdout.write(
  `${JSON.stringify({ sent: total, status, answeredBy, errors, p50: at(0.5), p90: at(0.9), p99: at(0.99), max: at(1) })}\n`,
);
