import { ConfigError, loadConfig } from './configuration';

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
