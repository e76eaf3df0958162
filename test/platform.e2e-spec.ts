import { spawnSync } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { INestApplication } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { createTestApp, http } from './support/app';
import { DisposableRedis } from './support/disposable-redis';
import { bearer, createUser, uniqueEmail } from './support/factories';
import { TS_NODE_ARGS } from './support/worker-process';

describe('platform', () => {
  describe('with MySQL and Redis up', () => {
    let app: INestApplication;
    const adminEmail = uniqueEmail('admin');

    beforeAll(async () => {
      app = await createTestApp({ env: { ADMIN_EMAIL: adminEmail, ADMIN_PASSWORD: 'admin password 1' } });
    });
    afterAll(() => app.close());

    it('reports MySQL and Redis healthy', async () => {
      const res = await http(app).get('/health').expect(200);
      expect(res.body).toMatchObject({ status: 'ok', info: { mysql: { status: 'up' }, redis: { status: 'up' } } });
    });

    it('serves the OpenAPI document generated from the DTOs', async () => {
      const res = await http(app).get('/docs/openapi.json').expect(200);
      expect(res.body.paths['/auth/signup'].post).toBeDefined();
      expect(res.body.components.schemas.SignupDto.required).toEqual(
        expect.arrayContaining(['email', 'password', 'name']),
      );
      await http(app).get('/docs').expect(200).expect('Content-Type', /html/);
    });

    it('echoes a sane request id and invents one otherwise', async () => {
      const given = await http(app).get('/health').set('X-Request-Id', 'abc-123').expect(200);
      expect(given.headers['x-request-id']).toBe('abc-123');
      const invented = await http(app).get('/health').set('X-Request-Id', 'bad id\twith tab').expect(200);
      expect(invented.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    });

    it('reports the outbox down once its oldest due mail has waited past MAIL_STALE_AFTER_SECONDS', async () => {
      const strict = await createTestApp({ env: { MAIL_STALE_AFTER_SECONDS: '60' } });
      const id = randomUUID();
      const ds = strict.get(DataSource);
      try {
        await ds.query(
          `INSERT INTO outbox (id, type, dedupe_key, recipient_email, recipient_name, payload, status, attempts, due_at)
           VALUES (?, 'test-stale', ?, 'stale@example.test', 'Stale', '{}', 'pending', 0, ?)`,
          [id, `stale-${id}`, new Date(Date.now() - 2 * 3600_000)],
        );
        const res = await http(strict).get('/health').expect(503);
        expect(res.body.error.outbox.status).toBe('down');
        expect(res.body.error.outbox.oldestDueAgeSeconds).toBeGreaterThanOrEqual(7200);
        // the same row under the default threshold of this run (a day) keeps the outbox up
        const relaxed = await http(app).get('/health');
        expect(relaxed.body.info?.outbox?.status ?? relaxed.body.error?.outbox?.status).toBe('up');
      } finally {
        await ds.query('DELETE FROM outbox WHERE id = ?', [id]);
        await strict.close();
      }
    });

    it('sets security headers with helmet', async () => {
      const res = await http(app).get('/health');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-powered-by']).toBeUndefined();
    });

    it('bootstraps the platform admin from the environment', async () => {
      const login = await http(app)
        .post('/auth/login')
        .send({ email: adminEmail, password: 'admin password 1' })
        .expect(200);
      expect(login.body.user.platformRole).toBe('admin');
    });

    it('promotes an existing account named by ADMIN_EMAIL when ADMIN_PASSWORD is its password', async () => {
      const user = await createUser(app);
      const again = await createTestApp({ env: { ADMIN_EMAIL: user.email, ADMIN_PASSWORD: user.password } });
      try {
        const me = await http(again)
          .get('/me')
          .set(...bearer(user))
          .expect(200);
        expect(me.body.platformRole).toBe('admin');
      } finally {
        await again.close();
      }
    });

    it('stops start-up, in one line, rather than promote an account whose password is not ADMIN_PASSWORD', async () => {
      // someone signed up with the operator's address before the operator set ADMIN_EMAIL
      const squatter = await createUser(app, { password: 'the squatters password' });
      const start = createTestApp({ env: { ADMIN_EMAIL: squatter.email, ADMIN_PASSWORD: 'the operators password' } });
      await expect(start).rejects.toThrow(
        /^Invalid configuration: ADMIN_EMAIL \S+ already has an account whose password is not ADMIN_PASSWORD[^\n]*$/,
      );
      const me = await http(app)
        .get('/me')
        .set(...bearer(squatter))
        .expect(200);
      expect(me.body.platformRole).toBeNull();
      await http(app)
        .post('/auth/login')
        .send({ email: squatter.email, password: 'the operators password' })
        .expect(401);
    });
  });

  describe('when Redis goes away', () => {
    let redis: DisposableRedis;
    let app: INestApplication;

    beforeAll(async () => {
      redis = await DisposableRedis.start();
      app = await createTestApp({ env: { REDIS_PORT: String(redis.port) } });
    });
    afterAll(async () => {
      await app.close();
      await redis.stop();
    });

    it('reports 503 while Redis is down, keeps answering, and recovers without a restart', async () => {
      await http(app).get('/health').expect(200);
      await redis.stop();

      const down = await http(app).get('/health').expect(503);
      expect(down.body).toMatchObject({ status: 'error', error: { redis: { status: 'down' } } });
      expect(down.body.info.mysql.status).toBe('up');

      const user = await createUser(app);
      await http(app).post('/auth/login').send({ email: user.email, password: user.password }).expect(200);
      await http(app)
        .get('/me')
        .set(...bearer(user))
        .expect(200);

      await redis.resume();
      let status = 0;
      for (let i = 0; i < 50 && status !== 200; i++) {
        await sleep(200);
        status = (await http(app).get('/health')).status;
      }
      expect(status).toBe(200);
    });
  });

  describe('configuration', () => {
    const start = (env: Record<string, string>) =>
      spawnSync(process.execPath, [...TS_NODE_ARGS, 'apps/api/src/main.ts'], {
        cwd: `${__dirname}/..`,
        env: { ...process.env, ...env },
        encoding: 'utf8',
        timeout: 60_000,
      });

    it.each([
      ['PORT', 'not-a-port', /PORT must be an integer port/],
      ['DB_NAME', 'bad-name; drop', /DB_NAME must be a database name/],
      ['SMTP_URL', 'http://mail', /SMTP_URL must be an smtp/],
      ['RUN_MIGRATIONS', 'maybe', /RUN_MIGRATIONS must be true or false/],
    ])('stops start-up with one clear line when %s is %s', (key, value, expected) => {
      const result = start({ [key]: value });
      expect(result.status).toBe(1);
      const lines = result.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(expected);
      expect(lines[0]).toContain(`got "${value}"`);
    });

    it('refuses the default JWT secret in production', () => {
      const result = start({ NODE_ENV: 'production', JWT_SECRET: '' });
      expect(result.status).toBe(1);
      expect(result.stderr.trim()).toMatch(/^Invalid configuration: JWT_SECRET/);
    });
  });
});
