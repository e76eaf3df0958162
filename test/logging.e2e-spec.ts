import { ChildProcess } from 'node:child_process';
import request from 'supertest';
import { freePort } from './support/disposable-redis';
import { kill, startApiProcess } from './support/worker-process';

/** The api's real log output (pino writes straight to fd 1, so only a child process shows what an operator sees). */
describe('logs', () => {
  let api: ChildProcess;
  let url: string;
  let output = '';

  beforeAll(async () => {
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    api = await startApiProcess(port, { LOG_LEVEL: 'info', NODE_ENV: 'production' });
    api.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    api.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  }, 120_000);
  afterAll(() => kill(api));

  it('never carry a calendar feed token, an invitation or reset token in a query, or a bearer token', async () => {
    const secrets = ['calfeedSECRET0123456789', 'inviteSECRET0123456789', 'resetSECRET0123456789', 'bearerSECRET01234'];
    await request(url).get(`/me/calendar.ics?token=${secrets[0]}&tz=Europe/Moscow`);
    await request(url).get(`/events/nope/registrations?invitationToken=${secrets[1]}`);
    await request(url).post(`/auth/password-reset?resetToken=${secrets[2]}`).send({});
    await request(url).get('/me').set('Authorization', `Bearer ${secrets[3]}`).set('X-Request-Id', 'trace-42');
    await new Promise((r) => setTimeout(r, 500));
    const lines = output
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map(
        (l) =>
          JSON.parse(l) as {
            msg?: string;
            req?: { id?: string; url: string; method?: string; query: Record<string, string> };
            res?: { statusCode: number };
            responseTime?: number;
          },
      );
    const calendar = lines.find((l) => l.req?.url.startsWith('/me/calendar.ics'));
    expect(calendar?.req).toMatchObject({
      url: '/me/calendar.ics?token=[redacted]&tz=Europe/Moscow',
      query: { token: '[redacted]', tz: 'Europe/Moscow' },
    });
    expect(lines.find((l) => l.req?.url.startsWith('/events/nope/registrations'))?.req?.url).toBe(
      '/events/nope/registrations?invitationToken=[redacted]',
    );
    // a request line carries what an operator reads (id, method, url, query, address), never a header
    const meLine = lines.find((l) => l.req?.url === '/me');
    const me = meLine?.req;
    expect(me).toMatchObject({ id: 'trace-42', method: 'GET', url: '/me' });
    expect(Object.keys(me ?? {}).sort()).toEqual(['id', 'method', 'query', 'remoteAddress', 'url']);
    // one line once answered: the status and the time taken beside the request
    expect(meLine).toMatchObject({ msg: 'request completed', res: { statusCode: 401 } });
    expect(typeof meLine?.responseTime).toBe('number');
    expect(lines.filter((l) => l.req?.id === 'trace-42')).toHaveLength(1);
    for (const secret of secrets) expect(output).not.toContain(secret);
  });
});
