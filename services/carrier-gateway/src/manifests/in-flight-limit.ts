/**
 * How much of one kind of work a replica takes at once. Above the limit the work is refused at once
 * (503, or the interactive safe default) rather than queued: a queue in front of a saturated replica
 * only grows, and everything in it is answered late.
 */
export class InFlightLimit {
  private current = 0;

  constructor(readonly limit: number) {}

  get inFlight(): number {
    return this.current;
  }

  /** A slot, given back by calling the function returned (calling it again does nothing); null when full. */
  tryEnter(): (() => void) | null {
    if (this.current >= this.limit) return null;
    this.current++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.current--;
    };
  }
}
