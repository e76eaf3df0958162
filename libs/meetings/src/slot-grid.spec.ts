import { slotGrid, slotsAvoiding, slotsWithin } from './slot-grid';

describe('slotGrid', () => {
  it('cuts event-local windows into whole slots in UTC, in time order', () => {
    const slots = slotGrid(
      {
        slotMinutes: 30,
        windows: [
          { date: '2027-06-11', start: '09:00', end: '10:00' },
          { date: '2027-06-10', start: '14:00', end: '15:20' },
        ],
      },
      'Asia/Shanghai',
    );
    expect(slots.map((s) => s.start.toISOString())).toEqual([
      '2027-06-10T06:00:00.000Z',
      '2027-06-10T06:30:00.000Z',
      '2027-06-11T01:00:00.000Z',
      '2027-06-11T01:30:00.000Z',
    ]);
    expect(slots.map((s) => s.index)).toEqual([0, 1, 2, 3]);
    expect(slots[1].end.toISOString()).toBe('2027-06-10T07:00:00.000Z');
  });

  it('follows daylight saving time in the event zone', () => {
    const [before] = slotGrid(
      { slotMinutes: 60, windows: [{ date: '2027-03-27', start: '10:00', end: '11:00' }] },
      'Europe/Berlin',
    );
    const [after] = slotGrid(
      { slotMinutes: 60, windows: [{ date: '2027-03-29', start: '10:00', end: '11:00' }] },
      'Europe/Berlin',
    );
    expect(before.start.toISOString()).toBe('2027-03-27T09:00:00.000Z');
    expect(after.start.toISOString()).toBe('2027-03-29T08:00:00.000Z');
  });

  it('keeps only slots wholly inside availability windows', () => {
    const slots = slotGrid({ slotMinutes: 30, windows: [{ date: '2027-06-10', start: '14:00', end: '16:00' }] }, 'UTC');
    expect(slotsWithin(slots, [{ start: '2027-06-10T14:15:00Z', end: '2027-06-10T15:30:00Z' }])).toEqual([1, 2]);
    expect(slotsWithin(slots, null)).toBeNull();
    expect(slotsWithin(slots, [])).toEqual([]);
  });
});

describe('slotsAvoiding', () => {
  const slots = slotGrid(
    { slotMinutes: 30, windows: [{ date: '2027-06-10', start: '14:00', end: '17:00' }] },
    'Asia/Shanghai',
  );
  const visit = { start: new Date('2027-06-10T06:15:00Z'), end: new Date('2027-06-10T07:30:00Z') };

  it('drops every slot a busy window overlaps, even in part', () => {
    // 06:00–06:30 overlaps from 06:15; 07:30–08:00 only touches the end
    expect(slotsAvoiding(slots, null, [visit])).toEqual([3, 4, 5]);
  });

  it('keeps the availability as it is without busy windows, and narrows it with them', () => {
    expect(slotsAvoiding(slots, null, [])).toBeNull();
    expect(slotsAvoiding(slots, [0, 1, 4], [visit])).toEqual([4]);
  });
});
