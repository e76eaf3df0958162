/**
 * The signed-in user, kept in localStorage so a reload stays signed in, and
 * observable by React through useSession (useSyncExternalStore).
 */
import { useSyncExternalStore } from 'react';
import { deviceTimeZone } from './time';

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  locale: string;
  timeZone: string;
  platformRole: string | null;
}

export interface Session {
  token: string;
  user: SessionUser;
}

const KEY = 'rt.session';
const listeners = new Set<() => void>();
let current: Session | null = read();

function read(): Session | null {
  try {
    const raw = localStorage.getItem(KEY);
    return raw ? (JSON.parse(raw) as Session) : null;
  } catch {
    return null;
  }
}

export function getToken(): string | null {
  return current?.token ?? null;
}

export function getSession(): Session | null {
  return current;
}

export function setSession(session: Session | null): void {
  // Another person (or nobody) on this device: the offline copies of the last one's reads go.
  if (session?.user.id !== current?.user.id) navigator.serviceWorker?.controller?.postMessage('forget-reads');
  current = session;
  if (session) localStorage.setItem(KEY, JSON.stringify(session));
  else localStorage.removeItem(KEY);
  listeners.forEach((listener) => listener());
}

export function updateSessionUser(user: SessionUser): void {
  if (current) setSession({ ...current, user });
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useSession(): Session | null {
  return useSyncExternalStore(subscribe, getSession, getSession);
}

/** The zone the viewer reads "your time" in: the account's, else this device's. */
export function useViewerTimeZone(): string {
  const session = useSession();
  return session?.user.timeZone || deviceTimeZone();
}
