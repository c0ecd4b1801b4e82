import { z } from 'zod';
import { COMMON_ENV, bindAddress, flag, port, postgresUrl, secretsKeys } from './env-fields.js';
import { ConfigError, loadConfig, requiredVariables } from './load-config.js';

const schema = z.object({ PORT: port(3000), DATABASE_URL: postgresUrl, ...COMMON_ENV });

describe('loadConfig', () => {
  it('parses, applies defaults and splits the broker list', () => {
    const config = loadConfig('svc', schema, {
      DATABASE_URL: 'postgresql://postgres@127.0.0.1:5432/x',
      KAFKA_BROKERS: '127.0.0.1:9092, 127.0.0.1:9093',
    });
    expect(config.PORT).toBe(3000);
    expect(config.LOG_LEVEL).toBe('info');
    expect(config.KAFKA_BROKERS).toEqual(['127.0.0.1:9092', '127.0.0.1:9093']);
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('reports every invalid variable by name at once', () => {
    let error: unknown;
    try {
      loadConfig('svc', schema, { PORT: '99999', DATABASE_URL: 'mysql://x/y' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    expect(message).toContain('PORT');
    expect(message).toContain('DATABASE_URL: must be a postgresql:// URL');
    expect(message).toContain('KAFKA_BROKERS is required');
  });

  it('rejects a broker without a port', () => {
    expect(() =>
      loadConfig('svc', schema, { DATABASE_URL: 'postgresql://h/d', KAFKA_BROKERS: '127.0.0.1' }),
    ).toThrow(/host:port/);
  });
});

describe('requiredVariables', () => {
  it('lists the variables without a default', () => {
    expect(requiredVariables(schema)).toEqual(['DATABASE_URL', 'KAFKA_BROKERS']);
  });
});

describe('shared fields', () => {
  const fields = z.object({
    BIND_ADDRESS: bindAddress,
    ALLOW: flag(false),
    SECRETS_KEYS: secretsKeys,
  });
  const key = (byte: number) => Buffer.alloc(32, byte).toString('base64');

  it('binds to the loopback unless told otherwise, and only to an IP address', () => {
    expect(loadConfig('svc', fields, {}).BIND_ADDRESS).toBe('127.0.0.1');
    expect(loadConfig('svc', fields, { BIND_ADDRESS: '0.0.0.0' }).BIND_ADDRESS).toBe('0.0.0.0');
    expect(loadConfig('svc', fields, { BIND_ADDRESS: '::' }).BIND_ADDRESS).toBe('::');
    expect(() => loadConfig('svc', fields, { BIND_ADDRESS: 'everywhere' })).toThrow(
      /BIND_ADDRESS: must be an IP address/,
    );
  });

  it('reads a flag as true or false only, with its default when unset', () => {
    expect(loadConfig('svc', fields, {}).ALLOW).toBe(false);
    expect(loadConfig('svc', fields, { ALLOW: 'true' }).ALLOW).toBe(true);
    expect(loadConfig('svc', fields, { ALLOW: 'false' }).ALLOW).toBe(false);
    expect(() => loadConfig('svc', fields, { ALLOW: 'yes' })).toThrow(/ALLOW: must be true or false/);
  });

  it('reads the secrets key ring in order, the first key first', () => {
    const keys = loadConfig('svc', fields, { SECRETS_KEYS: `k2:${key(2)}, k1:${key(1)}` }).SECRETS_KEYS;
    expect(keys?.map((k) => [k.id, k.key[0], k.key.byteLength])).toEqual([
      ['k2', 2, 32],
      ['k1', 1, 32],
    ]);
    expect(loadConfig('svc', fields, { SECRETS_KEYS: '' }).SECRETS_KEYS).toBeUndefined();
  });

  it.each([
    ['k1', 'entry 1: <id>:<base64 key>'],
    [`k1:${Buffer.alloc(16).toString('base64')}`, 'key k1: 32 bytes in base64 are required'],
    [`k 1:${key(1)}`, 'entry 1: <id>:<base64 key>'],
    [`k1:${key(1)},k1:${key(2)}`, 'key k1 appears twice'],
  ])('refuses SECRETS_KEYS=%s without echoing a key', (value, message) => {
    let error: unknown;
    try {
      loadConfig('svc', fields, { SECRETS_KEYS: value });
    } catch (e) {
      error = e;
    }
    expect((error as ConfigError).message).toContain(`SECRETS_KEYS: ${message}`);
    expect((error as ConfigError).message).not.toContain(key(1));
  });
});
