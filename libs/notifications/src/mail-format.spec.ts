import { formatWhen } from './mail-format';
import { RenderContext } from './notification.types';

const context = (locale: RenderContext['locale'], readerZone?: string): RenderContext => ({
  locale,
  recipient: { email: 'anna@example.com', name: 'Anna', timeZone: readerZone },
  eventTimeZone: 'Asia/Shanghai',
  baseUrl: 'http://localhost:3000',
});

describe('formatWhen', () => {
  const instant = '2027-06-10T06:00:00.000Z';

  it("gives the event's time, and the reader's beside it when their offset differs", () => {
    expect(formatWhen(instant, context('en', 'Asia/Shanghai'))).toBe('10 Jun 2027, 14:00 (China Standard Time)');
    expect(formatWhen(instant, context('en', 'Asia/Hong_Kong'))).toBe('10 Jun 2027, 14:00 (China Standard Time)');
    expect(formatWhen(instant, context('en', 'Europe/Moscow'))).toBe(
      '10 Jun 2027, 14:00 (China Standard Time) / 09:00 (Moscow Standard Time)',
    );
  });

  it('answers the same for a Date and its ISO text, and again from its cache', () => {
    const first = formatWhen(new Date(instant), context('ru', 'Europe/Moscow'));
    expect(formatWhen(instant, context('ru', 'Europe/Moscow'))).toBe(first);
    expect(formatWhen(new Date(instant), context('ru', 'Europe/Moscow'))).toBe(first);
    expect(first).toContain('14:00');
    expect(first).toContain('09:00');
  });

  it('keeps apart what the text depends on: the instant, the reader’s zone and the language', () => {
    const en = formatWhen(instant, context('en', 'Europe/Moscow'));
    expect(formatWhen(instant, context('zh', 'Europe/Moscow'))).not.toBe(en);
    expect(formatWhen(instant, context('en', 'Europe/Berlin'))).toBe(
      '10 Jun 2027, 14:00 (China Standard Time) / 08:00 (Central European Summer Time)',
    );
    expect(formatWhen('2027-06-10T07:00:00.000Z', context('en', 'Europe/Moscow'))).toBe(
      '10 Jun 2027, 15:00 (China Standard Time) / 10:00 (Moscow Standard Time)',
    );
    expect(formatWhen(instant, context('en'))).toBe('10 Jun 2027, 14:00 (China Standard Time)');
  });
});
