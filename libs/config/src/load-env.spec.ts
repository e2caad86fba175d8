import { ConfigError, loadEnv } from './load-env';

const base = { DATABASE_URL: 'postgresql://postgres@127.0.0.1:5432/x', REDIS_URL: 'redis://127.0.0.1:6379' };

describe('loadEnv', () => {
  it('applies defaults', () => {
    const env = loadEnv(base);
    expect(env.PORT).toBe(3000);
    expect(env.CLAIMDESK_QUEUE_PREFIX).toBe('claimdesk');
    expect(env.CLAIMDESK_SLA_MINUTES).toEqual({ BREAKING: 30, HIGH: 120, NORMAL: 480, LOW: 1440 });
    expect(env.CLAIMDESK_WEBHOOK_ALLOW_PRIVATE).toBe(false);
  });

  it('names a missing variable', () => {
    expect(() => loadEnv({ REDIS_URL: base.REDIS_URL })).toThrow(/DATABASE_URL is required/);
  });

  it('names every malformed variable at once', () => {
    try {
      loadEnv({ ...base, PORT: 'eighty', REDIS_URL: 'http://x', CLAIMDESK_SLA_MINUTES: 'HIGH=abc' });
      fail('expected ConfigError');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const text = (error as ConfigError).message;
      expect(text).toMatch(/PORT/);
      expect(text).toMatch(/REDIS_URL must be a URL/);
      expect(text).toMatch(/CLAIMDESK_SLA_MINUTES SLA minutes: part 1 "HIGH=abc"/);
    }
  });

  it('parses a partial SLA spec over the defaults', () => {
    expect(loadEnv({ ...base, CLAIMDESK_SLA_MINUTES: 'BREAKING=5, LOW=60' }).CLAIMDESK_SLA_MINUTES).toEqual({
      BREAKING: 5,
      HIGH: 120,
      NORMAL: 480,
      LOW: 60,
    });
  });

  it('refuses a threshold outside [0,1] and a queue prefix with a colon', () => {
    expect(() => loadEnv({ ...base, CLAIMDESK_CHECKWORTHY_THRESHOLD: '1.5' })).toThrow(/CLAIMDESK_CHECKWORTHY_THRESHOLD/);
    expect(() => loadEnv({ ...base, CLAIMDESK_QUEUE_PREFIX: 'a:b' })).toThrow(/CLAIMDESK_QUEUE_PREFIX/);
  });
});
