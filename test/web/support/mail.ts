import { simpleParser } from 'mailparser';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';

interface ParsedMail {
  size: number;
  mtimeMs: number;
  recipients: string[];
  text: string;
}

/**
 * Each .eml file parsed once (again only if its size or time changed, as while it is being written): the
 * directory collects every mail of the run, and parsing them all on every poll cost more CPU the later a test ran.
 */
const parsed = new Map<string, ParsedMail>();

async function read(path: string): Promise<ParsedMail> {
  const { size, mtimeMs } = await stat(path);
  const known = parsed.get(path);
  if (known && known.size === size && known.mtimeMs === mtimeMs) return known;
  const mail = await simpleParser(await readFile(path));
  const entry = {
    size,
    mtimeMs,
    recipients: [mail.to ?? []].flat().flatMap((a) => a.value.map((v) => v.address ?? '')),
    text: `${mail.text ?? ''}\n${typeof mail.html === 'string' ? mail.html : ''}`,
  };
  parsed.set(path, entry);
  return entry;
}

/** Waits for the mail the server wrote to MAIL_DIR for `to` whose text matches `pattern`; returns its text. */
export async function waitForMail(to: string, pattern: RegExp, timeoutMs = 30_000): Promise<string> {
  const dir = process.env.MAIL_DIR;
  if (!dir) throw new Error('MAIL_DIR is not set');
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    for (const file of await readdir(dir).catch(() => [] as string[])) {
      if (!file.endsWith('.eml')) continue;
      const mail = await read(join(dir, file));
      if (mail.recipients.includes(to) && pattern.test(mail.text)) return mail.text;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no mail to ${to} matching ${pattern} within ${timeoutMs} ms`);
}
