import { INestApplicationContext } from '@nestjs/common';
import { AuthUser } from '@roundtable/auth';
import { Event } from '@roundtable/events';
import { DataSource } from 'typeorm';
import { createEventRow } from '../../../test/support/domain-factories';
import { asApp, createDelegateRow, createServiceContext, createUserRow } from '../../../test/support/service-context';
import { MeetingPlacementService } from './meeting-placement.service';
import { MeetingRequestsService } from './meeting-requests.service';

/** Placement rules, checked on the services directly (service tier: real MySQL, no HTTP). */
describe('MeetingPlacementService (service tier)', () => {
  let context: INestApplicationContext;
  let placement: MeetingPlacementService;
  let requests: MeetingRequestsService;
  let event: Event;
  let a: { user: AuthUser; registration: { id: string } };
  let b: typeof a;
  let c: typeof a;

  beforeAll(async () => {
    context = await createServiceContext();
    placement = context.get(MeetingPlacementService);
    requests = context.get(MeetingRequestsService);
    event = await createEventRow(asApp(context), await createUserRow(context));
    [a, b, c] = [
      await createDelegateRow(context, event),
      await createDelegateRow(context, event),
      await createDelegateRow(context, event),
    ];
  });
  afterAll(() => context.close());

  const outbox = (like: string) =>
    context
      .get(DataSource)
      .query<{ type: string; recipient_email: string }[]>(
        'SELECT type, recipient_email FROM outbox WHERE event_id = ? AND dedupe_key LIKE ? ORDER BY type, recipient_email',
        [event.id, like],
      );

  it('places an accepted request at once and tells both sides (each one mail with the calendar entry)', async () => {
    const request = await requests.createRequest(event.id, a.user, b.registration.id, 'Shall we meet?');
    const { meeting } = await placement.accept(event.id, request.id, b.user);
    expect(meeting).toMatchObject({ status: 'scheduled', requestId: request.id });
    const mails = await outbox(`%${request.id}%`);
    expect(mails.map((m) => `${m.type} ${m.recipient_email}`)).toEqual(
      [`meeting-accepted ${a.user.email}`, `meeting-requested ${b.user.email}`].sort(),
    );
    const scheduled = await outbox(`meeting-scheduled:${meeting!.id}%`);
    // the requester's "accepted" carries the entry; the one who accepted gets "scheduled"
    expect(scheduled.map((m) => m.recipient_email)).toEqual([b.user.email]);
  });

  it("reads a slot's meetings by the slot index, which bookings read under the slot's lock", async () => {
    // the statement of EventMeetingStateLoader.onSlot; without the index it scanned the event's meetings
    const [plan] = await context
      .get(DataSource)
      .query<{ possible_keys: string | null }[]>(
        "EXPLAIN SELECT id, registration_a, registration_b, table_no, interpreter_id FROM meetings WHERE event_id = ? AND status = 'scheduled' AND slot_index = ?",
        [event.id, 0],
      );
    expect(String(plan.possible_keys).split(',')).toContain('ix_meetings_slot');
    const columns = await context
      .get(DataSource)
      .query<{ COLUMN_NAME: string }[]>(
        "SELECT COLUMN_NAME FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'meetings' AND INDEX_NAME = 'ix_meetings_slot' ORDER BY SEQ_IN_INDEX",
      );
    expect(columns.map((c) => c.COLUMN_NAME)).toEqual(['event_id', 'slot_index', 'status']);
  });

  it('never seats a delegate in two meetings of the same slot', async () => {
    const first = await requests.createRequest(event.id, c.user, a.registration.id, null);
    const second = await requests.createRequest(event.id, c.user, b.registration.id, null);
    const withA = (await placement.accept(event.id, first.id, a.user)).meeting!;
    const withB = (await placement.accept(event.id, second.id, b.user)).meeting!;
    const all = await context
      .get(DataSource)
      .query<{ slot_index: number; registration_a: string; registration_b: string }[]>(
        "SELECT slot_index, registration_a, registration_b FROM meetings WHERE event_id = ? AND status = 'scheduled'",
        [event.id],
      );
    for (const id of [a.registration.id, b.registration.id, c.registration.id]) {
      const slots = all.filter((m) => m.registration_a === id || m.registration_b === id).map((m) => m.slot_index);
      expect(new Set(slots).size).toBe(slots.length);
    }
    expect(withA.slotIndex).not.toBe(withB.slotIndex);
  });

  it('refuses the requester accepting their own request, and booking a slot outside the grid', async () => {
    const d = await createDelegateRow(context, event);
    const request = await requests.createRequest(event.id, b.user, d.registration.id, null);
    await expect(placement.accept(event.id, request.id, b.user)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await placement.accept(event.id, request.id, d.user);
    await expect(placement.book(event.id, request.id, 9999, d.user)).rejects.toMatchObject({
      code: expect.stringMatching(/INVALID_SLOT|ALREADY_SCHEDULED/),
    });
  });
});
