import { InFlightLimit } from './in-flight-limit.js';

describe('InFlightLimit', () => {
  it('refuses above the limit and takes work again once a slot is given back, once', () => {
    const limit = new InFlightLimit(2);
    const first = limit.tryEnter();
    const second = limit.tryEnter();
    expect(first).not.toBeNull();
    expect(second).not.toBeNull();
    expect(limit.tryEnter()).toBeNull();
    first!();
    first!(); // a second release must not free a slot someone else holds
    expect(limit.inFlight).toBe(1);
    expect(limit.tryEnter()).not.toBeNull();
    expect(limit.tryEnter()).toBeNull();
  });
});
