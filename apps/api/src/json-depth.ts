/** The largest request body read (JSON or a form); a larger one is a 413. */
export const BODY_LIMIT_BYTES = 256 * 1024;

/** Deeper than any request DTO nests (an event's meeting settings are four levels); generous on purpose. */
export const MAX_JSON_DEPTH = 32;

/** How deep a parsed JSON value nests, counted without recursion so a hostile body cannot overflow the stack. */
export function jsonDepthExceeds(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (node === null || typeof node !== 'object') continue;
    if (depth >= max) return true;
    for (const child of Array.isArray(node) ? node : Object.values(node as Record<string, unknown>)) {
      if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
    }
  }
  return false;
}

/**
 * The error for a body nested deeper than MAX_JSON_DEPTH, raised by the JSON parser before the validation
 * pipe walks the body (class-transformer recurses and would overflow the stack on a 10,000-deep body).
 * HttpExceptionFilter answers it as a 400 with code BODY_TOO_DEEP.
 */
export function bodyTooDeep(): Error & { statusCode: number; code: string } {
  return Object.assign(new Error(`Request body nests deeper than ${MAX_JSON_DEPTH} levels`), {
    statusCode: 400,
    code: 'BODY_TOO_DEEP',
  });
}
