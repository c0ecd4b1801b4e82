import { Writable } from 'node:stream';
import { createLogger } from './logger.js';

function capture(): { lines: Record<string, unknown>[]; stream: Writable } {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      callback();
    },
  });
  return { lines, stream };
}

describe('createLogger', () => {
  it('writes JSON with the service name and no personal data in clear', async () => {
    const { lines, stream } = capture();
    const logger = createLogger({ service: 'test-svc', destination: stream });
    logger.info({ traveller: { surname: 'ERIKSSON', documentNumber: 'L898902C3' }, count: 2 }, 'screened');
    await new Promise((resolve) => setImmediate(resolve));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 'info', service: 'test-svc', message: 'screened', count: 2 });
    expect(JSON.stringify(lines[0])).not.toMatch(/ERIKSSON|L898902C3/);
  });
});
