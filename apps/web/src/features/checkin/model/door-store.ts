/**
 * What a door device holds for one event, in localStorage so it survives a reload without a network: the
 * check-in list (everyone approved, with the SHA-256 of each badge code), the scans not yet sent, what this
 * device has checked in since the list was read, the scans the server flagged as duplicates, and the last
 * scan's outcome. A plain external store: screens read it with useSyncExternalStore.
 *
 * Why hashes: the badge QR is signed with a key that never leaves the server. The device checks a badge by
 * hashing what it read and finding that hash in the list (see libs/registrations/src/check-ins.service.ts):
 * a forged code matches nothing, and a lost device holds no key and no badge code.
 */
import type { Schema } from '@roundtable/api-client';
import { useSyncExternalStore } from 'react';

export type CheckInList = Schema<'CheckInListDto'>;
export type CheckInPerson = Schema<'CheckInPersonDto'>;

/** A scan waiting to be sent: exactly what POST /events/:eventId/check-ins takes. */
export interface QueuedScan {
  scanId: string;
  code?: string;
  registrationId?: string;
  scannedAt: string;
  deviceId: string;
}

export type Outcome =
  /** checked in now (on this device's knowledge) */
  | 'checkedIn'
  /** this badge had been scanned before: counted once, flagged */
  | 'already'
  /** the code is not a badge of this event, or was altered */
  | 'invalid'
  /** not on the list this device holds (approved after it was read?): the server decides when it syncs */
  | 'unknown'
  /** the server refused the scan when it synced */
  | 'refused';

export interface ScanOutcome {
  scanId: string;
  outcome: Outcome;
  registrationId: string | null;
  name: string | null;
  company: string | null;
  /** When the person was first checked in (for `already`). */
  firstAt: string | null;
  /** Not yet confirmed by the server. */
  pending: boolean;
  /** The server's words, for `refused`. */
  reason?: string;
}

export interface Flagged {
  scanId: string;
  registrationId: string;
  name: string;
  deviceId: string | null;
  scannedAt: string;
}

export interface DoorState {
  list: CheckInList | null;
  queue: QueuedScan[];
  /** registrationId → when this device checked them in, until a fresh list includes it. */
  local: Record<string, string>;
  flagged: Flagged[];
  last: ScanOutcome | null;
}

const EMPTY: DoorState = { list: null, queue: [], local: {}, flagged: [], last: null };
const key = (eventId: string) => `rt-checkin:${eventId}`;
const DEVICE_KEY = 'rt-checkin-device';

const states = new Map<string, DoorState>();
const listeners = new Set<() => void>();

export function doorState(eventId: string): DoorState {
  let state = states.get(eventId);
  if (!state) {
    try {
      const saved = localStorage.getItem(key(eventId));
      state = saved ? { ...EMPTY, ...(JSON.parse(saved) as Partial<DoorState>) } : EMPTY;
    } catch {
      state = EMPTY;
    }
    states.set(eventId, state);
  }
  return state;
}

export function updateDoor(eventId: string, change: (state: DoorState) => DoorState): DoorState {
  const next = change(doorState(eventId));
  states.set(eventId, next);
  try {
    localStorage.setItem(key(eventId), JSON.stringify(next));
  } catch {
    // storage full or refused: the state still holds in memory for this page
  }
  listeners.forEach((listener) => listener());
  return next;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useDoor(eventId: string): DoorState {
  return useSyncExternalStore(subscribe, () => doorState(eventId));
}

/** This device's name at the door ("North door"), made up once and kept; the organiser may rename it. */
export function deviceName(): string {
  let name = localStorage.getItem(DEVICE_KEY);
  if (!name) {
    name = `Door ${crypto.getRandomValues(new Uint32Array(1))[0].toString(36).slice(0, 4).toUpperCase()}`;
    localStorage.setItem(DEVICE_KEY, name);
  }
  return name;
}

export function setDeviceName(name: string): void {
  localStorage.setItem(DEVICE_KEY, name);
  listeners.forEach((listener) => listener());
}

export function useDeviceName(): string {
  return useSyncExternalStore(subscribe, deviceName);
}

export function newScanId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** SHA-256 of a badge code, base64url: how the list names each badge. */
export async function codeHash(code: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(code)));
  return btoa(String.fromCharCode(...digest))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

/** Counts as this device knows them: the list's, plus the check-ins made here since it was read. */
export function localCounts(state: DoorState): { expected: number; checkedIn: number } {
  const people = state.list?.people ?? [];
  const checkedIn = people.filter((p) => p.checkedInAt !== null || state.local[p.registrationId]).length;
  return { expected: people.length, checkedIn };
}
