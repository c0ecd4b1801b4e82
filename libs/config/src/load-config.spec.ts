import { z } from 'zod';
import { COMMON_ENV, port, postgresUrl } from './env-fields.js';
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
