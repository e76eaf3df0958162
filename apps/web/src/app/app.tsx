import { MantineProvider, createTheme, type CSSVariablesResolver } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { ApiError } from '@/lib/client';
import { router } from './router';

const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: 8,
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif',
});

// Mantine's light/subtle text (shade 6 on a pale tint) and its dimmed grey are below WCAG AA contrast (4.5:1);
// shade 9 passes for blue, red and grey, the warmer hues need a darker ink on their tint.
const DARK_INK: Record<string, string> = { green: '#1e6b2e', yellow: '#6e5000', orange: '#9a3608' };
const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    ...Object.fromEntries(
      ['blue', 'green', 'yellow', 'orange', 'red', 'gray'].map((c) => [
        `--mantine-color-${c}-light-color`,
        DARK_INK[c] ?? `var(--mantine-color-${c}-9)`,
      ]),
    ),
  },
  dark: {},
});

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      // Ask even when the device says it is offline: the service worker may answer from its copy.
      networkMode: 'offlineFirst',
      // A 4xx will not change by asking again; a network failure may.
      retry: (count, error) => count < 2 && !(error instanceof ApiError && error.status >= 400 && error.status < 500),
    },
  },
});

export function App() {
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver}>
      <Notifications position="top-center" />
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>
  );
}
