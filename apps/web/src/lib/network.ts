import { useSyncExternalStore } from 'react';

/**
 * Whether the device is online, and how old the data on screen may be: the
 * `Date` of the last API answer. Offline, answers come from the service
 * worker's copies, whose `Date` is when the server wrote them.
 */
let asOf: string | null = null;
const listeners = new Set<() => void>();

export function recordAnswerDate(date: string | null): void {
  if (!date || date === asOf) return;
  asOf = date;
  listeners.forEach((listener) => listener());
}

function subscribeAsOf(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useDataAsOf(): string | null {
  return useSyncExternalStore(subscribeAsOf, () => asOf);
}

function subscribeOnline(listener: () => void): () => void {
  window.addEventListener('online', listener);
  window.addEventListener('offline', listener);
  return () => {
    window.removeEventListener('online', listener);
    window.removeEventListener('offline', listener);
  };
}

export function useOnline(): boolean {
  return useSyncExternalStore(subscribeOnline, () => navigator.onLine);
}
