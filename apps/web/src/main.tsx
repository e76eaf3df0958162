import 'virtual:mantine.css';
import { startTransition, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { router } from './app/router';
import { i18nReady } from './lib/i18n';
import { queryClient } from './lib/query-client';

/** How long the first paint waits for the screen's reads before it shows their loading state instead. */
const FIRST_READS_WAIT_MS = 1500;

/** Settles when no read is in flight (or at once when none is). */
function readsSettled(): Promise<void> {
  return new Promise((resolve) => {
    if (queryClient.isFetching() === 0) return resolve();
    const unsubscribe = queryClient.getQueryCache().subscribe(() => {
      if (queryClient.isFetching() === 0) {
        unsubscribe();
        resolve();
      }
    });
  });
}

// The screen's chunk and its reads (route loaders) start now, while the language's texts are still on their way.
const routeLoaded = router.load().catch(() => undefined);

/**
 * The first paint is the screen itself: the frame, the screen's code and, unless they take long, the reads its
 * route started. Painting the frame alone first and then each arrival in turn renders the page three or four
 * times over on a phone's slow CPU, each a task that keeps the page from answering a tap.
 */
async function firstScreen(): Promise<void> {
  await Promise.all([i18nReady, routeLoaded]);
  await Promise.race([readsSettled(), new Promise((resolve) => setTimeout(resolve, FIRST_READS_WAIT_MS))]);
}

const root = document.getElementById('root');
if (root) {
  // In a transition, React renders the first screen in slices of a few milliseconds that let the browser answer
  // in between, rather than in one long task.
  void firstScreen().then(() =>
    startTransition(() =>
      createRoot(root).render(
        <StrictMode>
          <App />
        </StrictMode>,
      ),
    ),
  );
}

// Keeps the app and the reads a delegate needs at the venue for when the network is gone (see sw/service-worker.js).
// Registered once the page has loaded: installing fetches every file of the app, which should not compete with
// the first screen's own.
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  const register = () => void navigator.serviceWorker.register('/app/sw.js', { scope: '/app/' }).catch(() => undefined);
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}
