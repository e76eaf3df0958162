import { NextFunction, Request, Response } from 'express';

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
 * Rejects a body nested deeper than MAX_JSON_DEPTH with a 400 before the
 * validation pipe walks it (class-transformer recurses and would overflow
 * the stack on a 10,000-deep body).
 */
export function limitJsonDepth(req: Request, res: Response, next: NextFunction): void {
  if (jsonDepthExceeds(req.body, MAX_JSON_DEPTH)) {
    res.status(400).json({
      statusCode: 400,
      message: `Request body nests deeper than ${MAX_JSON_DEPTH} levels`,
      error: 'Bad Request',
      code: 'BODY_TOO_DEEP',
    });
    return;
  }
  next();
}
