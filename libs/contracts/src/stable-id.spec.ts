import { isUuid } from './envelope.js';
import { stableUuid } from './stable-id.js';

describe('stableUuid', () => {
  it('is a valid UUID, the same for the same parts and different otherwise', () => {
    const id = stableUuid('submission-1', '0');
    expect(isUuid(id)).toBe(true);
    expect(id[14]).toBe('8');
    expect(stableUuid('submission-1', '0')).toBe(id);
    expect(stableUuid('submission-1', '1')).not.toBe(id);
    expect(stableUuid('submission-10', '')).not.toBe(stableUuid('submission-1', '0'));
  });
});
