import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { startGateway } from '../test/gateway-under-test.js';

// Where the gateway's HTTP server listens, read from the kernel's own socket tables (/proc), so the test
// sends no traffic anywhere: with the default configuration only on the loopback (a service started on
// a laptop or a CI machine is not reachable from its network), and wherever BIND_ADDRESS says otherwise.

/** `<address>:<port>` of every TCP socket the process listens on. */
function listeningSockets(pid: number): string[] {
  const inodes = new Set(
    readdirSync(`/proc/${pid}/fd`)
      .map((fd) => {
        try {
          return /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`))?.[1];
        } catch {
          return undefined; // closed meanwhile
        }
      })
      .filter((inode): inode is string => inode !== undefined),
  );
  const sockets: string[] = [];
  for (const table of ['tcp', 'tcp6']) {
    for (const line of readFileSync(`/proc/${pid}/net/${table}`, 'utf8').split('\n').slice(1)) {
      const fields = line.trim().split(/\s+/);
      const [local, state, inode] = [fields[1], fields[3], fields[9]];
      // 0A: LISTEN.
      if (!local || state !== '0A' || !inode || !inodes.has(inode)) continue;
      const [hex = '', port = ''] = local.split(':');
      sockets.push(`${kernelAddress(hex)}:${parseInt(port, 16)}`);
    }
  }
  return sockets;
}

/** /proc/net/tcp{,6} write addresses as 32-bit words in host (little-endian) order. */
function kernelAddress(hex: string): string {
  const bytes = (hex.match(/.{8}/g) ?? []).flatMap((word) => [...Buffer.from(word, 'hex').reverse()]);
  if (bytes.length === 4) return bytes.join('.');
  // IPv6 uncompressed, e.g. 0:0:0:0:0:0:0:0 for ::.
  return Array.from({ length: 8 }, (_, i) =>
    (((bytes[2 * i] ?? 0) << 8) | (bytes[2 * i + 1] ?? 0)).toString(16),
  ).join(':');
}

describe('the address the gateway listens on', () => {
  it('is the loopback only, with the default configuration', async () => {
    const gateway = await startGateway();
    try {
      const port = new URL(gateway.service.baseUrl).port;
      expect(listeningSockets(gateway.service.pid)).toEqual([`127.0.0.1:${port}`]);
    } finally {
      expect(await gateway.stop()).toBe(0);
    }
  }, 180_000);

  it('is every interface when BIND_ADDRESS=0.0.0.0 (as the container image sets)', async () => {
    const gateway = await startGateway({ BIND_ADDRESS: '0.0.0.0' });
    try {
      const port = new URL(gateway.service.baseUrl).port;
      expect(listeningSockets(gateway.service.pid)).toEqual([`0.0.0.0:${port}`]);
    } finally {
      expect(await gateway.stop()).toBe(0);
    }
  }, 180_000);
});
