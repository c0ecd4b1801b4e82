/**
 * A one-line progress bar on stderr when it is a terminal (nothing otherwise, so piped output stays
 * clean): `[██████░░░░]  61%  612,000/1,000,001 lines  48,210/s  ETA 8s`.
 */
export class ProgressBar {
  private readonly started = Date.now();
  private readonly enabled: boolean;
  private lastDraw = 0;

  constructor(
    private readonly unit: string,
    private readonly stream: NodeJS.WriteStream = process.stderr,
  ) {
    this.enabled = stream.isTTY === true;
  }

  update(done: number, total: number): void {
    if (!this.enabled) return;
    const now = Date.now();
    if (now - this.lastDraw < 100 && done < total) return;
    this.lastDraw = now;
    const fraction = total > 0 ? Math.min(1, done / total) : 0;
    const width = 24;
    const filled = Math.round(fraction * width);
    const seconds = (now - this.started) / 1000;
    const rate = seconds > 0 ? done / seconds : 0;
    const eta = rate > 0 && total > done ? `ETA ${formatSeconds((total - done) / rate)}` : '';
    const line = `[${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${String(Math.floor(fraction * 100)).padStart(3)}%  ${done.toLocaleString('en')}/${total.toLocaleString('en')} ${this.unit}  ${Math.round(rate).toLocaleString('en')}/s  ${eta}`;
    this.stream.write(`\r${line}\x1b[K`);
  }

  finish(): void {
    if (this.enabled) this.stream.write('\n');
  }
}

function formatSeconds(seconds: number): string {
  if (seconds < 60) return `${Math.ceil(seconds)}s`;
  return `${Math.floor(seconds / 60)}m${String(Math.ceil(seconds % 60)).padStart(2, '0')}s`;
}
