import { previewSlots } from '../../../apps/web/src/lib/zoned';
import { slotGrid } from './slot-grid';

/** The web's slot preview (event settings) must show the grid this lib will cut: the same instants, DST nights included. */
describe('previewSlots', () => {
  const cases: Array<[string, string, number, Array<{ date: string; start: string; end: string }>]> = [
    [
      'two days in Shanghai',
      'Asia/Shanghai',
      30,
      [
        { date: '2027-06-11', start: '09:00', end: '12:00' },
        { date: '2027-06-10', start: '14:00', end: '18:00' },
      ],
    ],
    [
      'a remainder shorter than a slot dropped',
      'Europe/Moscow',
      45,
      [{ date: '2027-06-10', start: '14:00', end: '16:00' }],
    ],
    ['a window up to midnight', 'Asia/Shanghai', 60, [{ date: '2027-06-10', start: '21:00', end: '24:00' }]],
    [
      'the spring-forward night in New York',
      'America/New_York',
      30,
      [{ date: '2027-03-14', start: '01:00', end: '04:00' }],
    ],
    ['the fall-back night in Berlin', 'Europe/Berlin', 20, [{ date: '2027-10-31', start: '01:00', end: '04:00' }]],
  ];

  it.each(cases)('cuts the same slots as the server: %s', (_name, zone, slotMinutes, windows) => {
    const server = slotGrid({ slotMinutes, windows }, zone).map((s) => [s.start.toISOString(), s.end.toISOString()]);
    const preview = previewSlots({ slotMinutes, windows }, zone).map((s) => [s.start, s.end]);
    expect(server.length).toBeGreaterThan(0);
    expect(preview).toEqual(server);
  });

  it('shows nothing yet for half-typed windows, without throwing', () => {
    expect(
      previewSlots({ slotMinutes: 30, windows: [{ date: '2027-02-31', start: '14:00', end: '16:00' }] }, 'UTC'),
    ).toEqual([]);
    expect(
      previewSlots({ slotMinutes: 30, windows: [{ date: '2027-06-10', start: '25:00', end: '26:00' }] }, 'UTC'),
    ).toEqual([]);
    expect(
      previewSlots({ slotMinutes: 0, windows: [{ date: '2027-06-10', start: '14:00', end: '16:00' }] }, 'UTC'),
    ).toEqual([]);
  });
});
