import { Notifications } from '@mantine/notifications';

/** Mantine's toasts, a chunk of their own (some 10 kB gzip with their transitions) that no first paint needs. */
export function LazyNotifications() {
  return <Notifications position="top-center" />;
}
