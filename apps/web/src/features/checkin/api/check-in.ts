/**
 * Check-in over the generated client, online and offline. A scan is decided on the device at once (against
 * the list it holds), queued, and sent when there is a network; the server's answer then confirms it or
 * flags it (the same badge scanned at another door counts once).
 */
import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { ApiError, client, unwrap } from '@/lib/client';
import {
  codeHash,
  deviceName,
  doorState,
  newScanId,
  updateDoor,
  type CheckInList,
  type DoorState,
  type QueuedScan,
  type ScanOutcome,
} from '../model/door-store';

const listKey = (eventId: string) => ['check-in-list', eventId];
const countsKey = (eventId: string) => ['check-in-counts', eventId];

/** A freshly read list replaces the held one; check-ins made here and not yet sent stay on top of it. */
function takeList(state: DoorState, list: CheckInList): DoorState {
  const waiting = new Set(state.queue.map((scan) => scan.registrationId ?? scan.code?.split('.')[0]));
  const local = Object.fromEntries(Object.entries(state.local).filter(([id]) => waiting.has(id)));
  return { ...state, list, local };
}

export function useCheckInList(eventId: string) {
  const query = useQuery({
    queryKey: listKey(eventId),
    queryFn: ({ signal }) =>
      unwrap(client.GET('/events/{eventId}/check-ins', { params: { path: { eventId } }, signal })),
    refetchInterval: 60_000,
    retry: false,
    // offline, the list the device holds is the answer
    networkMode: 'online',
  });
  useEffect(() => {
    if (query.data) updateDoor(eventId, (state) => takeList(state, query.data));
  }, [eventId, query.data]);
  return query;
}

export function useCheckInCounts(eventId: string, enabled: boolean) {
  return useQuery({
    queryKey: countsKey(eventId),
    queryFn: ({ signal }) =>
      unwrap(client.GET('/events/{eventId}/check-ins/counts', { params: { path: { eventId } }, signal })),
    refetchInterval: 5_000,
    enabled,
    retry: false,
    networkMode: 'online',
  });
}

/** A scan read from a badge (its code) or chosen by name (the registration). */
export type ScanInput = { code: string } | { registrationId: string };

/** Decides a scan on the device, queues it, and sends it at once when there is a network. */
export async function recordScan(eventId: string, input: ScanInput, queryClient: QueryClient): Promise<ScanOutcome> {
  const state = doorState(eventId);
  const people = state.list?.people ?? [];
  const scanId = newScanId();
  const base = { scanId, registrationId: null, name: null, company: null, firstAt: null, pending: false };
  let registrationId: string;
  let body: Pick<QueuedScan, 'code' | 'registrationId'>;
  if ('code' in input) {
    const code = input.code.trim();
    const [id, signature, extra] = code.split('.');
    const person = people.find((p) => p.registrationId === id);
    if (!id || !signature || extra !== undefined || (person && person.codeHash !== (await codeHash(code)))) {
      return remember(eventId, { ...base, outcome: 'invalid' });
    }
    registrationId = id;
    body = { code };
  } else {
    registrationId = input.registrationId;
    body = { registrationId };
  }
  const person = people.find((p) => p.registrationId === registrationId);
  const firstAt = person?.checkedInAt ?? state.local[registrationId] ?? null;
  const scannedAt = new Date().toISOString();
  const outcome: ScanOutcome = {
    ...base,
    outcome: !person ? 'unknown' : firstAt ? 'already' : 'checkedIn',
    registrationId,
    name: person?.name ?? null,
    company: person?.company ?? null,
    firstAt,
    pending: true,
  };
  updateDoor(eventId, (s) => ({
    ...s,
    queue: [...s.queue, { scanId, ...body, scannedAt, deviceId: deviceName() }],
    local: s.local[registrationId] || person?.checkedInAt ? s.local : { ...s.local, [registrationId]: scannedAt },
    last: outcome,
  }));
  if (navigator.onLine) void syncDoor(eventId, queryClient);
  return outcome;
}

function remember(eventId: string, outcome: ScanOutcome): ScanOutcome {
  updateDoor(eventId, (s) => ({ ...s, last: outcome }));
  return outcome;
}

const syncing = new Map<string, Promise<void>>();

/** Sends the queued scans in order; stops at the first network failure (they wait for the next try). */
export function syncDoor(eventId: string, queryClient: QueryClient): Promise<void> {
  const running = syncing.get(eventId);
  if (running) return running;
  const run = (async () => {
    try {
      for (let scan = doorState(eventId).queue[0]; scan; scan = doorState(eventId).queue[0]) {
        if (!(await sendOne(eventId, scan))) return;
      }
    } finally {
      syncing.delete(eventId);
      void queryClient.invalidateQueries({ queryKey: countsKey(eventId) });
    }
  })();
  syncing.set(eventId, run);
  return run;
}

/** One queued scan to the server: true when it is settled (recorded or refused), false to try again later. */
async function sendOne(eventId: string, scan: QueuedScan): Promise<boolean> {
  try {
    const result = await unwrap(
      client.POST('/events/{eventId}/check-ins', { params: { path: { eventId } }, body: scan }),
    );
    updateDoor(eventId, (s) => ({
      ...s,
      queue: s.queue.filter((q) => q.scanId !== scan.scanId),
      list: s.list && {
        ...s.list,
        people: s.list.people.map((p) =>
          p.registrationId === result.registrationId
            ? { ...p, checkedInAt: result.checkedInAt, scans: result.scans }
            : p,
        ),
      },
      flagged: result.firstScan
        ? s.flagged
        : [
            ...s.flagged.filter((f) => f.scanId !== scan.scanId),
            {
              scanId: scan.scanId,
              registrationId: result.registrationId,
              name: result.name,
              deviceId: result.deviceId,
              scannedAt: result.scannedAt,
            },
          ],
      last:
        s.last?.scanId === scan.scanId
          ? {
              ...s.last,
              outcome: result.firstScan ? 'checkedIn' : 'already',
              name: result.name,
              company: result.company,
              firstAt: result.firstScan ? null : result.checkedInAt,
              pending: false,
            }
          : s.last,
    }));
    return true;
  } catch (error) {
    // a scan the server refuses will not pass by sending it again; signed out or refused access, it may later
    const settled =
      error instanceof ApiError && error.status >= 400 && error.status < 500 && ![401, 403].includes(error.status);
    if (!settled) return false;
    updateDoor(eventId, (s) => ({
      ...s,
      queue: s.queue.filter((q) => q.scanId !== scan.scanId),
      local: Object.fromEntries(
        Object.entries(s.local).filter(([id]) => id !== (scan.registrationId ?? scan.code?.split('.')[0])),
      ),
      last:
        s.last?.scanId === scan.scanId
          ? { ...s.last, outcome: 'refused', pending: false, reason: `${error.code}|${error.message}` }
          : s.last,
    }));
    return true;
  }
}

/** Sends what waits whenever the network comes back, and every 15 s while anything waits. */
export function useDoorSync(eventId: string) {
  const queryClient = useQueryClient();
  useEffect(() => {
    const sync = () => {
      if (navigator.onLine && doorState(eventId).queue.length > 0) void syncDoor(eventId, queryClient);
    };
    sync();
    window.addEventListener('online', sync);
    const timer = window.setInterval(sync, 15_000);
    return () => {
      window.removeEventListener('online', sync);
      window.clearInterval(timer);
    };
  }, [eventId, queryClient]);
}
