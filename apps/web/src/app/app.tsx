import { MantineProvider, createTheme, type CSSVariablesResolver } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { lazy, Suspense } from 'react';
import { queryClient } from '@/lib/query-client';
import { router } from './router';

const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: 8,
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif',
});

// Mantine's light/subtle text (shade 6 on a pale tint) and its dimmed grey are below WCAG AA contrast (4.5:1);
// shade 9 passes for blue, red and grey, the warmer hues need a darker ink on their tint. The same holds for the
// error red under a field (shade 6, 3.3:1) and red text (`c="red"`, shade 8, 4.2:1 on a red tint): shade 9 is 5.1:1.
const DARK_INK: Record<string, string> = { green: '#1e6b2e', yellow: '#6e5000', orange: '#9a3608' };
const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
    '--mantine-color-red-text': 'var(--mantine-color-red-9)',
    ...Object.fromEntries(
      ['blue', 'green', 'yellow', 'orange', 'red', 'gray'].map((c) => [
        `--mantine-color-${c}-light-color`,
        DARK_INK[c] ?? `var(--mantine-color-${c}-9)`,
      ]),
    ),
  },
  dark: {},
});

const Notifications = lazy(() => import('./notifications').then((m) => ({ default: m.LazyNotifications })));

export function App() {
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver}>
      <Suspense fallback={null}>
        <Notifications />
      </Suspense>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>
  );
}
