import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';

/**
 * What a process that does not stop was doing: its kernel state and wait channel (a write blocked on
 * a full pipe, a futex, a busy loop), then its JavaScript stack, read by opening its inspector
 * (SIGUSR1; the process was started with `--inspect-port=0`) and pausing it — which works even when
 * the event loop is stuck in a loop, where a signal handler in JavaScript would never run.
 */
export async function hungProcessReport(child: ChildProcess, output: string[]): Promise<string> {
  const proc = (file: string) => {
    try {
      return readFileSync(`/proc/${child.pid}/${file}`, 'utf8').trim();
    } catch {
      return '?';
    }
  };
  const state = proc('status').match(/^State:\s*(.*)$/m)?.[1] ?? '?';
  const lines = [`kernel state: ${state}, waiting in: ${proc('wchan') || '-'}`];
  try {
    lines.push(`javascript stack:\n  ${(await pausedStack(child, output)).join('\n  ')}`);
  } catch (error) {
    lines.push(`no javascript stack: ${(error as Error).message}`);
  }
  return lines.join('\n');
}

async function pausedStack(child: ChildProcess, output: string[]): Promise<string[]> {
  const from = output.length;
  child.kill('SIGUSR1');
  const url = await within(3_000, 'the inspector did not open', async () => {
    for (;;) {
      const match = /Debugger listening on (ws:\/\/\S+)/.exec(output.slice(from).join(''));
      if (match?.[1]) return match[1];
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  });
  const socket = new WebSocket(url);
  try {
    return await within(5_000, 'the inspector did not pause it', async () => {
      await new Promise((resolve, reject) => {
        socket.addEventListener('open', resolve, { once: true });
        socket.addEventListener('error', () => reject(new Error('cannot reach the inspector')), {
          once: true,
        });
      });
      const paused = new Promise<string[]>((resolve) =>
        socket.addEventListener('message', (event) => {
          const message = JSON.parse(String(event.data)) as {
            method?: string;
            params?: {
              callFrames: { functionName: string; url: string; location: { lineNumber: number } }[];
            };
          };
          if (message.method === 'Debugger.paused')
            resolve(
              (message.params?.callFrames ?? []).map(
                (frame) =>
                  `${frame.functionName || '<anonymous>'} ${frame.url}:${frame.location.lineNumber + 1}`,
              ),
            );
        }),
      );
      socket.send(JSON.stringify({ id: 1, method: 'Debugger.enable' }));
      socket.send(JSON.stringify({ id: 2, method: 'Debugger.pause' }));
      return paused;
    });
  } finally {
    socket.close();
  }
}

async function within<T>(ms: number, message: string, work: () => Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  try {
    return await Promise.race([work(), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
