import type { Schema } from '@roundtable/api-client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { client, unwrap } from '@/lib/client';

export type Slot = Schema<'SlotDto'>;
export type TimeWindow = Schema<'TimeWindowDto'>;

/** Every slot of the event's meeting grid (approved delegates only). */
export function useSlotGrid(eventId: string) {
  return useQuery({
    queryKey: ['slot-grid', eventId],
    queryFn: ({ signal }) =>
      unwrap(client.GET('/events/{eventId}/slots', { params: { path: { eventId }, query: {} }, signal })),
    select: (page) => page.items,
  });
}

/** Saves when the delegate can meet (null = whenever meetings run); the registration is read again afterwards. */
export function useSaveAvailability(eventId: string, registrationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (windows: TimeWindow[] | null) =>
      unwrap(
        client.PUT('/events/{eventId}/registrations/{registrationId}/availability', {
          params: { path: { eventId, registrationId } },
          body: { windows },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['my-registrations'] }),
  });
}

/** Marked slots as the fewest windows: neighbouring slots (one ends where the next starts) merge. */
export function toWindows(slots: Slot[], marked: ReadonlySet<number>): TimeWindow[] {
  const windows: TimeWindow[] = [];
  for (const slot of slots) {
    if (!marked.has(slot.index)) continue;
    const last = windows[windows.length - 1];
    if (last && Date.parse(last.end) === Date.parse(slot.start)) last.end = slot.end;
    else windows.push({ start: slot.start, end: slot.end });
  }
  return windows;
}

/** The slots lying wholly inside the windows (every slot when null: whenever meetings run). */
export function markedFrom(slots: Slot[], windows: TimeWindow[] | null | undefined): Set<number> {
  if (!windows) return new Set(slots.map((s) => s.index));
  const ranges = windows.map((w) => [Date.parse(w.start), Date.parse(w.end)] as const);
  return new Set(
    slots
      .filter((s) => ranges.some(([a, b]) => Date.parse(s.start) >= a && Date.parse(s.end) <= b))
      .map((s) => s.index),
  );
}
