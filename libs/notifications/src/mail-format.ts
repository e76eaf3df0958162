import { Locale } from '@roundtable/common';
import { DateTime } from 'luxon';
import { RenderContext, RenderedMail, ScriptNames } from './notification.types';

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export const escapeHtml = (value: string): string => value.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);

const INTL_LOCALE: Record<Locale, string> = { zh: 'zh-CN', ru: 'ru-RU', en: 'en-GB' };

/** "10 June 2027, 14:00 (China Standard Time)" in the reader's language. */
export function formatInstant(instant: string | Date, timeZone: string, locale: Locale): string {
  const dt = (typeof instant === 'string' ? DateTime.fromISO(instant) : DateTime.fromJSDate(instant))
    .setZone(timeZone)
    .setLocale(INTL_LOCALE[locale]);
  return `${dt.toLocaleString(DateTime.DATETIME_MED)} (${dt.toFormat('ZZZZZ')})`;
}

/**
 * An instant in the event's zone and, when the reader lives elsewhere (a
 * different offset at that moment), also in theirs:
 * "10 June 2027, 14:00 (China Standard Time) / 09:00 (Moscow Standard Time)".
 */
export function formatWhen(instant: string | Date, context: RenderContext): string {
  const eventZone = context.eventTimeZone ?? context.recipient.timeZone ?? 'UTC';
  const readerZone = context.recipient.timeZone;
  const at = typeof instant === 'string' ? instant : instant.toISOString();
  const key = `${at} ${eventZone} ${readerZone ?? ''} ${context.locale}`;
  let text = formatted.get(key);
  if (text === undefined) {
    text = whenText(at, eventZone, readerZone, context.locale);
    if (formatted.size >= FORMATTED_MAX) formatted.clear();
    formatted.set(key, text);
  }
  return text;
}

function whenText(instant: string, eventZone: string, readerZone: string | null | undefined, locale: Locale): string {
  const main = formatInstant(instant, eventZone, locale);
  if (!readerZone || readerZone === eventZone) return main;
  const at = DateTime.fromISO(instant);
  if (at.setZone(readerZone).offset === at.setZone(eventZone).offset) return main;
  const reader = at.setZone(readerZone).setLocale(INTL_LOCALE[locale]);
  return `${main} / ${reader.toLocaleString(DateTime.TIME_24_SIMPLE)} (${reader.toFormat('ZZZZZ')})`;
}

/**
 * formatWhen's answers. A worker's mails name the same few instants (a forum's slot starts) in the same few
 * zones and languages, and luxon asks Intl for the zone's offset and name afresh each time: a tenth of the
 * worker's CPU per meeting mail. The text for an instant, zones and language never changes.
 */
const formatted = new Map<string, string>();
const FORMATTED_MAX = 10_000;

/**
 * An amount of money for the reader: "12 500 000,00 CN¥" (ru), "CN¥12,500,000.00"
 * (en), keeping every digit of the decimal string. The integer part is formatted
 * as a BigInt and the fraction appended with the locale's separator, so no value,
 * however large, goes through a float. Something that is not a plain decimal or
 * an unknown currency comes back as written.
 */
export function formatMoney(amount: string, currency: string, locale: Locale): string {
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(amount.trim());
  let format: Intl.NumberFormat;
  try {
    format = new Intl.NumberFormat(INTL_LOCALE[locale], {
      style: 'currency',
      currency,
      minimumFractionDigits: 0,
      maximumFractionDigits: 0,
    });
  } catch {
    return `${amount} ${currency}`;
  }
  if (!match) return `${amount} ${currency}`;
  const [, sign, whole, fraction] = match;
  const parts = format.formatToParts(BigInt(`${sign}${whole}`));
  if (fraction) {
    const decimal =
      new Intl.NumberFormat(INTL_LOCALE[locale]).formatToParts(1.5).find((p) => p.type === 'decimal')?.value ?? '.';
    const last = parts.map((p) => p.type).lastIndexOf('integer');
    parts.splice(last + 1, 0, { type: 'decimal', value: decimal }, { type: 'fraction', value: fraction });
  }
  return parts.map((p) => p.value).join('');
}

/** `"1250000.50 CNY"`, the way payloads carry a value, formatted for the reader (see formatMoney). */
export function formatMoneyText(value: string, locale: Locale): string {
  const match = /^(\S+)\s+([A-Z]{3})$/.exec(value.trim());
  return match ? formatMoney(match[1], match[2], locale) : value;
}

const SCRIPT: Record<Locale, keyof ScriptNames> = { zh: 'zh', ru: 'ru', en: 'latin' };

/**
 * A name as written by its owner, with the reader's script beside it when the
 * owner gave one: "徐晓玲 (Сюй Сяолин)" to a Russian reader, "徐晓玲 (Xu Xiaoling)"
 * to an English one. A reader whose script is missing gets the Latin form.
 */
export function nameForReader(original: string, names: ScriptNames | null | undefined, locale: Locale): string {
  if (!names) return original;
  const candidates = [names[SCRIPT[locale]], names.latin].filter((n): n is string => Boolean(n && n.trim()));
  const beside = candidates.find((n) => n.trim() !== original.trim() && !original.includes(n.trim()));
  if (!beside) return original;
  // the original already in the reader's script: nothing to add
  if (names[SCRIPT[locale]] && names[SCRIPT[locale]]!.trim() === original.trim()) return original;
  return `${original} (${beside.trim()})`;
}

/** What a template says; the greeting and the signature are the same in every mail (see `composeMail`). */
export interface MailContent {
  subject: string;
  /** Plain-text paragraphs; escaped for HTML here, never by the template. */
  paragraphs: string[];
  /** Label/value lines shown as a small table (time, place, table number…). */
  facts?: [string, string][];
  action?: { label: string; url: string };
}

const GREETING: Record<Locale, (name: string) => string> = {
  en: (name) => `Dear ${name},`,
  zh: (name) => `尊敬的${name}：`,
  ru: (name) => `Уважаемый(ая) ${name}!`,
};

const SIGNATURE: Record<Locale, string> = {
  en: 'The organising committee',
  zh: '组委会',
  ru: 'Организационный комитет',
};

/**
 * Builds the HTML and plain-text parts from plain strings. Templates never
 * write HTML themselves, so every user-supplied value is escaped in one place.
 */
export function composeMail(content: MailContent, context: RenderContext): RenderedMail {
  const locale = context.locale;
  const greeting = GREETING[locale](context.recipient.name);
  const signature = SIGNATURE[locale];
  const text = [
    greeting,
    '',
    ...content.paragraphs.flatMap((p) => [p, '']),
    ...(content.facts ?? []).map(([label, value]) => `${label}: ${value}`),
    ...(content.facts?.length ? [''] : []),
    ...(content.action ? [`${content.action.label}: ${content.action.url}`, ''] : []),
    signature,
  ].join('\n');
  const facts = content.facts?.length
    ? `<table role="presentation" style="border-collapse:collapse;margin:12px 0">${content.facts
        .map(
          ([label, value]) =>
            `<tr><td style="padding:2px 12px 2px 0;color:#555">${escapeHtml(label)}</td><td style="padding:2px 0"><strong>${escapeHtml(value)}</strong></td></tr>`,
        )
        .join('')}</table>`
    : '';
  const action = content.action
    ? `<p><a href="${escapeHtml(content.action.url)}" style="background:#1d4ed8;color:#fff;padding:10px 16px;border-radius:6px;text-decoration:none">${escapeHtml(content.action.label)}</a></p>`
    : '';
  const html = `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><title>${escapeHtml(content.subject)}</title></head><body style="font-family:Arial,'PingFang SC','Microsoft YaHei',sans-serif;line-height:1.5;color:#111;max-width:640px">
<p>${escapeHtml(greeting)}</p>
${content.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}
${facts}${action}
<p style="color:#555">${escapeHtml(signature)}</p>
</body></html>`;
  return { subject: content.subject.replace(/[\r\n\u2028\u2029]+/g, ' '), text, html };
}

/** Picks the wording for the context's locale from a table with all three. */
export const words = <T>(table: Record<Locale, T>, context: RenderContext): T => table[context.locale];
