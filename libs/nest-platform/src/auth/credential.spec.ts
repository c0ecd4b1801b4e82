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

  it('gives each kind of holder its own prefix: a credential of one kind is never read as another', () => {
    const kinds = ['dsk', 'dsa', 'dsb'] as const;
    for (const issuedAs of kinds) {
      const { secret, prefix } = issueCredential(issuedAs);
      expect(secret.startsWith(`${issuedAs}_`)).toBe(true);
      for (const readAs of kinds)
        expect([issuedAs, readAs, credentialPrefix(readAs, secret)]).toEqual([
          issuedAs,
          readAs,
          readAs === issuedAs ? prefix : undefined,
        ]);
    }
  });

  it('reads a bearer token', () => {
    expect(bearerToken('Bearer abc')).toBe('abc');
    expect(bearerToken('Basic abc')).toBeUndefined();
    expect(bearerToken(undefined)).toBeUndefined();
  });
});
