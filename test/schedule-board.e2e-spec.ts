import { INestApplication } from '@nestjs/common';
import { Event } from '@roundtable/events';
import { createTestApp, http } from './support/app';
import { createDelegate, createEventRow, DEFAULT_MEETING_SETTINGS, TestDelegate } from './support/domain-factories';
import { bearer, createUser, TestUser } from './support/factories';
import { outboxRows } from './support/mail-helpers';

/** The organisers' B2B board: the grid read, the unplaced list with its fixes, table moves, publishing. */
describe('Schedule board', () => {
  let app: INestApplication;
  let organiser: TestUser;

  beforeAll(async () => {
    app = await createTestApp();
    organiser = await createUser(app);
  });
  afterAll(() => app.close());

  const as = (who: TestDelegate | TestUser) => bearer('user' in who ? who.user : who);

  async function forum(settings: Partial<Event['meetingSettings']> = {}) {
    const event = await createEventRow(app, organiser, {
      meetingSettings: { ...DEFAULT_MEETING_SETTINGS, ...settings },
    });
    const delegates: TestDelegate[] = [];
    for (let i = 0; i < 4; i++) delegates.push(await createDelegate(app, event));
    return { event, delegates };
  }

  async function accepted(eventId: string, a: TestDelegate, b: TestDelegate) {
    const req = await http(app)
      .post(`/events/${eventId}/meeting-requests`)
      .set(...as(a))
      .send({ toRegistrationId: b.registration.id })
      .expect(201);
    const res = await http(app)
      .post(`/events/${eventId}/meeting-requests/${req.body.id}/accept`)
      .set(...as(b))
      .expect(200);
    return { requestId: req.body.id as string, meetingId: (res.body.meeting?.id ?? null) as string | null };
  }

  it('gives organisers the whole grid in one read: slots, tables, meetings by delegate id, company names', async () => {
    const { event, delegates } = await forum();
    const [a, b] = delegates;
    const { meetingId } = await accepted(event.id, a, b);
    const res = await http(app)
      .get(`/events/${event.id}/schedule/grid`)
      .set(...as(organiser))
      .expect(200);
    expect(res.body.tables).toBe(10);
    expect(res.body.timeZone).toBe('Asia/Shanghai');
    expect(res.body.scheduleStatus).toBe('draft');
    // 14:00–18:00 and 09:00–12:00 in 30-minute slots
    expect(res.body.slots).toHaveLength(14);
    expect(res.body.meetings).toEqual([
      expect.objectContaining({
        id: meetingId,
        registrationA: a.registration.id,
        registrationB: b.registration.id,
        slotIndex: 0,
        locked: false,
      }),
    ]);
    const byId = new Map<string, { companyId: string; company: string; available: number[] | null }>(
      res.body.delegates.map((d: { registrationId: string }) => [d.registrationId, d]),
    );
    expect(byId.get(a.registration.id)).toEqual(
      expect.objectContaining({ companyId: a.company.id, company: a.company.name, available: null }),
    );
    expect(byId.size).toBe(4);
  });

  it("refuses the grid and the unplaced list to a delegate and to another event's organiser", async () => {
    const { event, delegates } = await forum();
    const stranger = await createUser(app);
    await createEventRow(app, stranger);
    for (const path of ['grid', 'unplaced']) {
      await http(app)
        .get(`/events/${event.id}/schedule/${path}`)
        .set(...as(delegates[0]))
        .expect(403);
      await http(app)
        .get(`/events/${event.id}/schedule/${path}`)
        .set(...bearer(stranger))
        .expect(403);
    }
  });

  it('lists an unplaced request with its reason, and where it fits once the delegate can meet; booking it there empties the list', async () => {
    const { event, delegates } = await forum();
    const [a, b] = delegates;
    // b can meet only before the meeting hours: accepted, it cannot be placed.
    await http(app)
      .put(`/events/${event.id}/registrations/${b.registration.id}/availability`)
      .set(...as(b))
      .send({ windows: [{ start: '2027-06-10T00:00:00Z', end: '2027-06-10T01:00:00Z' }] })
      .expect(200);
    const { requestId, meetingId } = await accepted(event.id, a, b);
    expect(meetingId).toBeNull();
    let list = await http(app)
      .get(`/events/${event.id}/schedule/unplaced`)
      .set(...as(organiser))
      .expect(200);
    expect(list.body.items).toEqual([
      expect.objectContaining({
        requestId,
        reason: 'NO_COMMON_AVAILABILITY',
        interpreterPair: null,
        freeSlots: [],
        from: expect.objectContaining({ registrationId: a.registration.id, company: a.company.name }),
        to: expect.objectContaining({ registrationId: b.registration.id }),
      }),
    ]);

    // b now meets the whole afternoon of the first day (06:00–10:00 UTC): the slots are the fix.
    await http(app)
      .put(`/events/${event.id}/registrations/${b.registration.id}/availability`)
      .set(...as(b))
      .send({ windows: [{ start: '2027-06-10T06:00:00Z', end: '2027-06-10T10:00:00Z' }] })
      .expect(200);
    list = await http(app)
      .get(`/events/${event.id}/schedule/unplaced`)
      .set(...as(organiser))
      .expect(200);
    const fix = list.body.items[0].freeSlots as Array<{ index: number; start: string }>;
    expect(fix.map((s) => s.index)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(fix[0].start).toBe('2027-06-10T06:00:00.000Z');

    await http(app)
      .post(`/events/${event.id}/meetings`)
      .set(...as(organiser))
      .send({ requestId, slotIndex: fix[2].index })
      .expect(201);
    list = await http(app)
      .get(`/events/${event.id}/schedule/unplaced`)
      .set(...as(organiser))
      .expect(200);
    expect(list.body.items).toEqual([]);
  });

  it('moves a meeting to another table in its slot (both delegates mailed), and refuses a taken table, one out of range, and a delegate choosing one', async () => {
    const { event, delegates } = await forum();
    const [a, b, c, d] = delegates;
    const first = (await accepted(event.id, a, b)).meetingId!;
    const second = (await accepted(event.id, c, d)).meetingId!;
    const grid = await http(app)
      .get(`/events/${event.id}/schedule/grid`)
      .set(...as(organiser))
      .expect(200);
    const tables = new Map<string, number>(
      grid.body.meetings.map((m: { id: string; tableNo: number }) => [m.id, m.tableNo]),
    );
    expect(grid.body.meetings.every((m: { slotIndex: number }) => m.slotIndex === 0)).toBe(true);

    const moved = await http(app)
      .patch(`/events/${event.id}/meetings/${first}`)
      .set(...as(organiser))
      .send({ tableNo: 7 })
      .expect(200);
    expect(moved.body).toEqual(expect.objectContaining({ slotIndex: 0, tableNo: 7, sequence: 1 }));
    const mails = await outboxRows(app, { eventId: event.id, type: 'meeting-moved' });
    expect(mails.map((m) => m.recipientUserId).sort()).toEqual([a.user.id, b.user.id].sort());

    const taken = await http(app)
      .patch(`/events/${event.id}/meetings/${second}`)
      .set(...as(organiser))
      .send({ tableNo: 7 })
      .expect(409);
    expect(taken.body.code).toBe('SLOT_TAKEN');
    expect(taken.body.message).toContain('Table 7');
    const outOfRange = await http(app)
      .patch(`/events/${event.id}/meetings/${second}`)
      .set(...as(organiser))
      .send({ tableNo: 11 })
      .expect(400);
    expect(outOfRange.body.code).toBe('INVALID_TABLE');
    await http(app)
      .patch(`/events/${event.id}/meetings/${second}`)
      .set(...as(c))
      .send({ tableNo: 3 })
      .expect(403);
    // another slot and a table at once
    const both = await http(app)
      .patch(`/events/${event.id}/meetings/${second}`)
      .set(...as(organiser))
      .send({ slotIndex: 3, tableNo: 7 })
      .expect(200);
    expect(both.body).toEqual(expect.objectContaining({ slotIndex: 3, tableNo: 7 }));
    expect(tables.get(second)).not.toBe(7);
  });

  it('says what publishing changed: the status before, and how many meetings it covers', async () => {
    const { event, delegates } = await forum();
    await accepted(event.id, delegates[0], delegates[1]);
    const preliminary = await http(app)
      .post(`/events/${event.id}/schedule/publish`)
      .set(...as(organiser))
      .send({ status: 'preliminary' })
      .expect(200);
    expect(preliminary.body).toEqual({
      scheduleStatus: 'preliminary',
      previousStatus: 'draft',
      meetings: 1,
      mailed: 0,
    });
    const final = await http(app)
      .post(`/events/${event.id}/schedule/publish`)
      .set(...as(organiser))
      .send({ status: 'final' })
      .expect(200);
    expect(final.body).toEqual({ scheduleStatus: 'final', previousStatus: 'preliminary', meetings: 1, mailed: 2 });
  });
});
