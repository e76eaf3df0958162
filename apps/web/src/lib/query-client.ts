/** The one QueryClient: the provider hands it to screens, the router to route loaders that start reads early. */
import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './client';

export const queryClient = new QueryClient({
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
