/**
 * The one way the web app talks to the API: the generated client
 * (@roundtable/api-client, from the OpenAPI document) on the same origin,
 * with the signed-in user's bearer token, and errors turned into ApiError
 * carrying the API's error code (translated by the screens through `errors.<CODE>`).
 */
import { createApiClient } from '@roundtable/api-client';
import { recordAnswerDate } from './network';
import { getToken, setSession } from './session';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: string[] = [],
    /** The API's structured details of a domain error (a clash names the session it clashes with). */
    readonly info: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export const client = createApiClient({ baseUrl: window.location.origin });

client.use({
  onRequest({ request }) {
    const token = getToken();
    if (token) request.headers.set('Authorization', `Bearer ${token}`);
    return request;
  },
  onResponse({ request, response }) {
    if (response.ok) recordAnswerDate(response.headers.get('date'));
    // A token the API no longer takes (password changed or reset elsewhere, expired): this device is signed out.
    if (response.status === 401 && request.headers.has('Authorization')) setSession(null);
    return response;
  },
});

interface ErrorBody {
  code?: string;
  message?: string | string[];
  details?: Record<string, unknown>;
}

function toError(response: Response, body: unknown): ApiError {
  const parsed: ErrorBody = typeof body === 'object' && body !== null ? body : {};
  const messages = Array.isArray(parsed.message) ? parsed.message : parsed.message ? [parsed.message] : [];
  return new ApiError(
    response.status,
    parsed.code ?? `HTTP_${response.status}`,
    messages[0] ?? response.statusText,
    messages,
    typeof parsed.details === 'object' && parsed.details !== null ? parsed.details : {},
  );
}

/** Awaits a client call: its data, typed by the OpenAPI document, or an ApiError. */
export async function unwrap<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  let result: { data?: unknown; error?: unknown; response: Response };
  try {
    result = await call;
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'NETWORK', 'The server could not be reached');
  }
  if (!result.response.ok) throw toError(result.response, result.error);
  return result.data as T;
}
