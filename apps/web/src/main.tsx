import 'virtual:mantine.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { router } from './app/router';
import { i18nReady } from './lib/i18n';

// The screen's chunk and its reads start now, while the language's texts are still on their way.
void router.load();

const root = document.getElementById('root');
if (root) {
  void i18nReady.then(() =>
    createRoot(root).render(
      <StrictMode>
        <App />
      </StrictMode>,
    ),
  );
}

// Keeps the app and the reads a delegate needs at the venue for when the network is gone (see sw/service-worker.js).
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  void navigator.serviceWorker.register('/app/sw.js', { scope: '/app/' }).catch(() => undefined);
}
