import { bearerToken, credentialMatches, credentialPrefix, issueCredential } from './credential.js';

describe('credentials', () => {
  it('issues a credential whose prefix can be read back and whose hash matches only it', () => {
    const issued = issueCredential('dsk');
    expect(issued.secret).toMatch(/^dsk_[a-z0-9]{8}_/);
    expect(credentialPrefix('dsk', issued.secret)).toBe(issued.prefix);
    expect(credentialMatches(issued.secret, issued.hash)).toBe(true);
    expect(credentialMatches(issueCredential('dsk').secret, issued.hash)).toBe(false);
  });

  it('rejects malformed credentials and credentials of another kind before any lookup', () => {
    expect(credentialPrefix('dsk', 'not-a-key')).toBeUndefined();
    expect(credentialPrefix('dsa', issueCredential('dsk').secret)).toBeUndefined();
  });

  it('reads a bearer token', () => {
    expect(bearerToken('Bearer abc')).toBe('abc');
    expect(bearerToken('Basic abc')).toBeUndefined();
    expect(bearerToken(undefined)).toBeUndefined();
  });
});
