import { apiKeyMatches, apiKeyPrefix, issueApiKey } from './api-key.js';

describe('API keys', () => {
  it('issues a key whose prefix can be read back and whose hash matches only that key', () => {
    const issued = issueApiKey();
    expect(issued.key).toMatch(/^dsk_[a-z0-9]{8}_/);
    expect(apiKeyPrefix(issued.key)).toBe(issued.prefix);
    expect(apiKeyMatches(issued.key, issued.hash)).toBe(true);
    expect(apiKeyMatches(issueApiKey().key, issued.hash)).toBe(false);
    expect(issued.hash).not.toContain(issued.key.slice(13));
  });

  it('rejects malformed keys before any lookup', () => {
    expect(apiKeyPrefix('not-a-key')).toBeUndefined();
    expect(apiKeyPrefix('dsk_short_x')).toBeUndefined();
  });
});
