import { simpleParser } from 'mailparser';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Waits for the mail the server wrote to MAIL_DIR for `to` whose text matches `pattern`; returns its text. */
export async function waitForMail(to: string, pattern: RegExp, timeoutMs = 30_000): Promise<string> {
  const dir = process.env.MAIL_DIR;
  if (!dir) throw new Error('MAIL_DIR is not set');
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    for (const file of await readdir(dir).catch(() => [] as string[])) {
      if (!file.endsWith('.eml')) continue;
      const mail = await simpleParser(await readFile(join(dir, file)));
      const recipients = [mail.to ?? []].flat().flatMap((a) => a.value.map((v) => v.address));
      const text = `${mail.text ?? ''}\n${typeof mail.html === 'string' ? mail.html : ''}`;
      if (recipients.includes(to) && pattern.test(text)) return text;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`no mail to ${to} matching ${pattern} within ${timeoutMs} ms`);
}
