import { ConfigService } from '@nestjs/config';
import { loadConfig } from '@roundtable/config';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MailTransport } from './mail-transport';

describe('MailTransport without SMTP (each mail an .eml file under MAIL_DIR)', () => {
  let root: string;
  let dir: string;
  let transport: MailTransport;
  const mail = (subject: string) => ({ from: 'forum@example.com', to: 'anna@example.com', subject, text: 'Hello' });

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'roundtable-transport-'));
    dir = join(root, 'mail');
    const config = loadConfig({ MAIL_DIR: dir, SMTP_URL: '' });
    transport = new MailTransport(new ConfigService({ mail: config.mail }));
  });
  afterEach(async () => {
    transport.onApplicationShutdown();
    await rm(root, { recursive: true, force: true });
  });

  it('makes MAIL_DIR for the first mail, and again when it is removed between mails', async () => {
    await transport.send(mail('first'), 'a');
    expect(await readFile(join(dir, 'a.eml'), 'utf8')).toContain('Subject: first');
    await rm(dir, { recursive: true });
    await transport.send(mail('second'), 'b');
    expect(await readFile(join(dir, 'b.eml'), 'utf8')).toContain('Subject: second');
  });

  it('fails a mail it cannot write, and writes the next once the directory can be made', async () => {
    await writeFile(dir, 'a file where the directory should be');
    await expect(transport.send(mail('blocked'), 'c')).rejects.toThrow();
    await rm(dir);
    await transport.send(mail('after'), 'd');
    expect(existsSync(join(dir, 'd.eml'))).toBe(true);
  });
});
