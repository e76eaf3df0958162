import { calendarEvents, icsLines } from '../../../test/support/ics';
import { buildIcs } from './ics';
import { CalendarEntry } from './notification.types';

const entry = (changes: Partial<CalendarEntry> = {}): CalendarEntry => ({
  uid: 'meeting-0190a1b2@roundtable',
  sequence: 2,
  method: 'REQUEST',
  start: new Date('2027-09-02T02:00:00.000Z'),
  end: new Date('2027-09-02T02:30:00.000Z'),
  timeZone: 'Asia/Shanghai',
  summary: '第十二届中俄中小企业合作圆桌会议: 江西赣锋锂业 / ООО «Сибирские технологии» 🤝',
  description: 'Стол 12; 翻译: 王芳, Анна\nSecond line \\ with a backslash',
  location: 'Table 12, Nanchang Greenland Center, Honggutan',
  url: 'https://forum.example/app/events/1/schedule?day=2&lang=ru',
  organizer: { name: 'Roundtable', email: 'no-reply@roundtable.local' },
  attendees: [
    { name: 'Ivan "Vanya" Petrov, CEO: Sales; Ops', email: 'ivan@example.ru' },
    { name: '李明', email: 'li.ming@example.cn' },
  ],
  ...changes,
});

const build = (e: CalendarEntry) => buildIcs([e], { method: e.method, name: e.summary, timeZone: e.timeZone });

describe('buildIcs', () => {
  it('folds every line at 75 octets without splitting a character, and ends lines with CRLF alone', () => {
    const text = build(entry({ summary: '圆桌会议'.repeat(40), description: '🤝'.repeat(60) }));
    const lines = text.split('\r\n');
    expect(text).not.toMatch(/[^\r]\n|\r(?!\n)/);
    expect(Math.max(...lines.map((line) => Buffer.byteLength(line)))).toBeLessThanOrEqual(75);
    // a split character would come back as U+FFFD
    for (const line of lines) expect(Buffer.from(line).toString()).not.toContain('\ufffd');
    expect(lines.filter((line) => line.startsWith(' ')).length).toBeGreaterThan(10);
    expect(calendarEvents(text)[0].summary).toBe('圆桌会议'.repeat(40));
    expect(calendarEvents(text)[0].description).toBe('🤝'.repeat(60));
  });

  it('gives back Chinese, Russian, punctuation and line breaks as they were written', () => {
    const e = entry();
    const [parsed] = calendarEvents(build(e));
    expect(parsed.summary).toBe(e.summary);
    expect(parsed.description).toBe(e.description);
    expect(parsed.location).toBe(e.location);
    expect(parsed.url).toBe(e.url);
    expect(parsed.uid).toBe(e.uid);
    expect(Number(parsed.sequence)).toBe(2);
    expect(parsed.start.toISOString()).toBe('2027-09-02T02:00:00.000Z');
    expect(parsed.end?.toISOString()).toBe('2027-09-02T02:30:00.000Z');
  });

  it('writes instants in UTC, names the zone, and escapes the calendar name as text', () => {
    const lines = icsLines(build(entry({ summary: 'Roundtable: Anna, Boris; Chen' })));
    expect(lines).toContain('DTSTART:20270902T020000Z');
    expect(lines).toContain('DTEND:20270902T023000Z');
    expect(lines.find((line) => line.startsWith('DTSTAMP:'))).toMatch(/^DTSTAMP:\d{8}T\d{6}Z$/);
    expect(lines).toContain('X-WR-TIMEZONE:Asia/Shanghai');
    expect(lines).toContain('NAME;VALUE=TEXT:Roundtable: Anna\\, Boris\\; Chen');
    expect(lines).toContain('X-WR-CALNAME;VALUE=TEXT:Roundtable: Anna\\, Boris\\; Chen');
  });

  it('names the organiser and each attendee, quoting a name that needs it (RFC 6868 for its quotes)', () => {
    const lines = icsLines(build(entry()));
    expect(lines).toContain('ORGANIZER;CN=Roundtable:mailto:no-reply@roundtable.local');
    expect(lines).toContain(
      `ATTENDEE;ROLE=REQ-PARTICIPANT;RSVP=FALSE;CN="Ivan ^'Vanya^' Petrov, CEO: Sales; Ops":mailto:ivan@example.ru`,
    );
    expect(lines).toContain('ATTENDEE;ROLE=REQ-PARTICIPANT;RSVP=FALSE;CN=李明:mailto:li.ming@example.cn');
  });

  it('marks a REQUEST confirmed and a CANCEL cancelled, with the method on the calendar', () => {
    expect(icsLines(build(entry()))).toEqual(expect.arrayContaining(['METHOD:REQUEST', 'STATUS:CONFIRMED']));
    const cancel = build(entry({ method: 'CANCEL', sequence: 3 }));
    expect(icsLines(cancel)).toEqual(expect.arrayContaining(['METHOD:CANCEL', 'STATUS:CANCELLED', 'SEQUENCE:3']));
    expect(calendarEvents(cancel)[0].status).toBe('CANCELLED');
  });

  it('writes one entry per session of a feed, and leaves out what an entry does not have', () => {
    const text = buildIcs(
      [
        entry({ uid: 'session-a@roundtable', method: 'PUBLISH', organizer: undefined, attendees: undefined }),
        entry({ uid: 'session-b@roundtable', method: 'PUBLISH', description: undefined, url: undefined }),
      ],
      { method: 'PUBLISH', name: 'Roundtable meetings' },
    );
    expect(calendarEvents(text).map((e) => e.uid)).toEqual(['session-a@roundtable', 'session-b@roundtable']);
    const lines = icsLines(text);
    expect(lines.filter((line) => line.startsWith('DESCRIPTION'))).toHaveLength(1);
    expect(lines.filter((line) => line.startsWith('URL'))).toHaveLength(1);
    expect(lines.filter((line) => line.startsWith('ORGANIZER'))).toHaveLength(1);
    expect(lines.some((line) => line.startsWith('X-WR-TIMEZONE'))).toBe(false);
    expect(lines.filter((line) => line === 'BEGIN:VEVENT')).toHaveLength(2);
  });
});
