/**
 * The typed client of the Roundtable api, generated from its OpenAPI document
 * (`npm run api:client` rewrites `schema.ts` and `../openapi.json`; a test
 * fails when they are stale). Types only plus openapi-fetch, so it runs in
 * Node (the e2e tests) and in the browser (apps/web) alike.
 */
import createFetchClient, { type ClientOptions } from 'openapi-fetch';
import type { components, operations, paths } from './schema';

export type { components, operations, paths };

/** A schema of the document by name: `Schema<'EventDto'>`. */
export type Schema<Name extends keyof components['schemas']> = components['schemas'][Name];

export interface ApiClientOptions extends ClientOptions {
  /** A bearer token sent with every request. */
  token?: string;
}

/** `createApiClient({ baseUrl: 'http://localhost:3000', token })` → `client.GET('/events/{eventId}', …)`. */
export function createApiClient(options: ApiClientOptions = {}) {
  const { token, headers, ...rest } = options;
  return createFetchClient<paths>({
    ...rest,
    headers: {
      ...(headers as Record<string, string> | undefined),
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
    },
  });
}

export type ApiClient = ReturnType<typeof createApiClient>;
