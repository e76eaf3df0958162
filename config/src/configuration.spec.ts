import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ConfigError, loadConfig, PUBLISHED_SECRETS } from './configuration';

const STRONG = 'a-production-secret-nobody-has-seen-0123456789';

describe('loadConfig', () => {
  it('gives a newcomer working local defaults with no variables at all', () => {
    const config = loadConfig({});
    expect(config.db).toMatchObject({ host: '127.0.0.1', port: 3306, user: 'root', password: '', name: 'roundtable' });
    expect(config.redis).toMatchObject({ host: '127.0.0.1', port: 6379 });
    expect(config.app.port).toBe(3000);
    expect(config.mail.smtpUrl).toBeUndefined();
  });

  it('coerces numbers and booleans from strings', () => {
    const config = loadConfig({ PORT: '8080', RUN_MIGRATIONS: 'false', DB_POOL_SIZE: '20' });
    expect(config.app.port).toBe(8080);
    expect(config.db.runMigrations).toBe(false);
    expect(config.db.poolSize).toBe(20);
  });

  it('derives the public URL from PORT unless PUBLIC_URL is set', () => {
    expect(loadConfig({}).app.publicUrl).toBe('http://localhost:3000');
    expect(loadConfig({ PORT: '8080' }).app.publicUrl).toBe('http://localhost:8080');
    expect(loadConfig({ PORT: '8080', PUBLIC_URL: 'https://forum.example.org/' }).app.publicUrl).toBe(
      'https://forum.example.org',
    );
  });

  it.each([
    [{ PORT: '70000' }, 'PORT'],
    [{ DB_PORT: '3306abc' }, 'DB_PORT'],
    [{ NODE_ENV: 'staging' }, 'NODE_ENV'],
    [{ PUBLIC_URL: 'localhost' }, 'PUBLIC_URL'],
    [{ JWT_SECRET: 'short' }, 'JWT_SECRET'],
    [{ ADMIN_EMAIL: 'admin@example.com' }, 'ADMIN_EMAIL and ADMIN_PASSWORD'],
  ])('rejects %j naming %s', (env, name) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(new RegExp(`^Invalid configuration: ${name}`));
  });

  it('never prints a secret it rejects', () => {
    expect(() => loadConfig({ JWT_SECRET: 'short' })).toThrow(/\(hidden\)/);
  });

  describe('in production', () => {
    const production = (env: Record<string, string>) => loadConfig({ NODE_ENV: 'production', ...env });

    it('starts with a long secret of its own, seeding nothing', () => {
      const config = production({ JWT_SECRET: STRONG });
      expect(config.app.demoSeed).toBe('never');
    });

    it.each<[string, Record<string, string>]>([
      ['the development default', {}],
      ['a secret shorter than 32 characters', { JWT_SECRET: 'only-twenty-eight-characters' }],
      ...PUBLISHED_SECRETS.map((secret): [string, Record<string, string>] => [
        `the published value ${secret}`,
        { JWT_SECRET: secret },
      ]),
      ['a published BADGE_SECRET', { JWT_SECRET: STRONG, BADGE_SECRET: PUBLISHED_SECRETS[0] }],
    ])('refuses %s, in one line that does not print it', (_label, env) => {
      expect(() => production(env)).toThrow(/^Invalid configuration: (JWT|BADGE)_SECRET must be your own secret/);
      for (const secret of PUBLISHED_SECRETS) {
        expect(() => production(env)).not.toThrow(new RegExp(secret));
      }
    });

    it('refuses every secret that appears in the repository (README, .env.example, compose)', () => {
      const root = resolve(__dirname, '../..');
      const found = ['README.md', 'config/.env.example', 'docker/compose.yml', 'docker/Dockerfile']
        .map((file) => readFileSync(resolve(root, file), 'utf8'))
        .flatMap((text) =>
          [...text.matchAll(/(?:JWT|BADGE)_SECRET[ \t]*[=:][ \t]*["']?([^\s"'`|]+)/g)].map((m) => m[1]),
        )
        .filter((value) => !value.startsWith('$'));
      expect(found.length).toBeGreaterThan(0);
      for (const value of found) expect(PUBLISHED_SECRETS).toContain(value);
    });

    it.each(['always', 'auto'])('refuses DEMO_SEED=%s: the demo accounts have a published password', (seed) => {
      expect(() => production({ JWT_SECRET: STRONG, DEMO_SEED: seed })).toThrow(
        /^Invalid configuration: DEMO_SEED must be never in production/,
      );
    });
  });

  it('signs badges with a key of their own: BADGE_SECRET, or one derived from JWT_SECRET for badges alone', () => {
    const derived = loadConfig({ JWT_SECRET: STRONG }).auth.badgeSecret;
    expect(derived).not.toContain(STRONG);
    expect(derived).toMatch(/^[0-9a-f]{64}$/);
    expect(loadConfig({ JWT_SECRET: `${STRONG}x` }).auth.badgeSecret).not.toBe(derived);
    const own = 'a-badge-secret-of-its-own-0123456789abcdef';
    expect(loadConfig({ JWT_SECRET: STRONG, BADGE_SECRET: own }).auth.badgeSecret).toBe(own);
  });

  it.each([
    [undefined, false],
    ['false', false],
    ['1', 1],
    ['loopback', 'loopback'],
    ['loopback, 10.0.0.0/8', 'loopback, 10.0.0.0/8'],
  ])('reads TRUST_PROXY=%s as %j (unset: X-Forwarded-For is not believed)', (value, expected) => {
    expect(loadConfig(value === undefined ? {} : { TRUST_PROXY: value }).app.trustProxy).toEqual(expected);
  });

  it('rejects a TRUST_PROXY that would trust everyone', () => {
    expect(() => loadConfig({ TRUST_PROXY: 'true' })).toThrow(/^Invalid configuration: TRUST_PROXY/);
  });

  it('reads DB_READ_HOSTS as replicas, the port defaulting to DB_PORT, and refuses a malformed list', () => {
    expect(loadConfig({ DB_PORT: '3307', DB_READ_HOSTS: 'db-r1:3310,10.0.0.3' }).db.readHosts).toEqual([
      { host: 'db-r1', port: 3310 },
      { host: '10.0.0.3', port: 3307 },
    ]);
    expect(loadConfig({}).db.readHosts).toEqual([]);
    for (const bad of ['db-r1:', 'db-r1,,db-r2', 'db r1', 'db-r1:70000'])
      expect(() => loadConfig({ DB_READ_HOSTS: bad })).toThrow(
        /^Invalid configuration: DB_READ_HOSTS must be read replicas/,
      );
  });
});
