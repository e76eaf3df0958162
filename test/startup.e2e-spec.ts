import { ChildProcess } from 'node:child_process';
import { freePort } from './support/disposable-redis';
import { kill, runUntilExit, startApiProcess } from './support/worker-process';

/**
 * The first five minutes: a newcomer whose MySQL, Redis or SMTP server does not answer reads one
 * line saying what, where and what to do, from the same logger as every later line, and no stack.
 * Each case runs the real process (`npm start` is the api with --all-in-one).
 */
describe('start-up with a dependency that does not answer', () => {
  const development = { NODE_ENV: 'development', LOG_LEVEL: 'info' };
  const lines = (output: string) => output.split('\n').filter((l) => l.trim() !== '');
  const STACK_FRAME = /^\s+at /m;

  it('stops with one readable line naming MySQL, its address and what to do, and exit status 1', async () => {
    const port = await freePort();
    const run = await runUntilExit('api', { ...development, DB_PORT: String(port) }, ['--all-in-one']);
    expect(run.code).toBe(1);
    expect(lines(run.output)).toHaveLength(1);
    const [line] = lines(run.output);
    expect(line).toMatch(/^\[\d\d:\d\d:\d\d\.\d{3}\] FATAL: /);
    expect(line).toContain(`MySQL is not reachable at 127.0.0.1:${port} (connection refused)`);
    expect(line).toContain('start it, or set DB_HOST/DB_PORT');
    expect(line).toContain('README.md, "Installing MySQL and Redis"');
    expect(run.output).not.toMatch(STACK_FRAME);
  });

  it('stops with one line naming Redis, its address and REDIS_HOST/REDIS_PORT', async () => {
    const port = await freePort();
    const run = await runUntilExit('api', { ...development, REDIS_PORT: String(port) }, ['--all-in-one']);
    expect(run.code).toBe(1);
    expect(lines(run.output)).toHaveLength(1);
    expect(run.output).toContain(`FATAL: Redis is not reachable at 127.0.0.1:${port} (connection refused)`);
    expect(run.output).toContain('start it, or set REDIS_HOST/REDIS_PORT');
    expect(run.output).not.toMatch(STACK_FRAME);
  });

  it('says the same in one JSON line from a worker in production', async () => {
    const port = await freePort();
    const run = await runUntilExit('worker', { NODE_ENV: 'production', LOG_LEVEL: 'info', DB_PORT: String(port) });
    expect(run.code).toBe(1);
    expect(lines(run.output)).toHaveLength(1);
    const entry = JSON.parse(lines(run.output)[0]) as { level: number; msg: string };
    expect(entry.level).toBe(60);
    expect(entry.msg).toMatch(
      new RegExp(`^MySQL is not reachable at 127\\.0\\.0\\.1:${port} \\(connection refused\\)`),
    );
  });

  it('prints the line even at LOG_LEVEL=silent', async () => {
    const port = await freePort();
    const run = await runUntilExit('api', { ...development, LOG_LEVEL: 'silent', DB_PORT: String(port) });
    expect(run.code).toBe(1);
    expect(lines(run.output)).toEqual([expect.stringMatching(/^MySQL is not reachable at 127\.0\.0\.1:\d+ /)]);
  });

  describe('an SMTP_URL whose server refuses', () => {
    let api: ChildProcess | undefined;
    afterAll(() => (api ? kill(api) : undefined));

    it('starts anyway (mail waits in the outbox) after one warning line that does not print the password', async () => {
      const smtpPort = await freePort();
      let output = '';
      api = await startApiProcess(
        await freePort(),
        { ...development, SMTP_URL: `smtp://mailer:s3cret-pass@127.0.0.1:${smtpPort}` },
        { allInOne: true, onOutput: (text) => (output += text) },
      );
      const smtpLines = lines(output).filter((l) => l.includes('SMTP'));
      expect(smtpLines).toHaveLength(1);
      expect(smtpLines[0]).toMatch(/^\[\d\d:\d\d:\d\d\.\d{3}\] WARN: /);
      expect(smtpLines[0]).toContain(`SMTP server is not reachable at 127.0.0.1:${smtpPort} (connection refused)`);
      expect(smtpLines[0]).toContain('mail waits in the outbox');
      expect(output).not.toContain('s3cret-pass');
      expect(output).not.toMatch(STACK_FRAME);
      expect(output).toContain('is up:');
    });
  });
});
