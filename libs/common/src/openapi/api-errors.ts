import { ApiProperty, ApiPropertyOptional, DECORATORS } from '@nestjs/swagger';

/** Operation extension naming the error codes an operation can answer; the api turns it into responses. */
export const ERROR_CODES_EXTENSION = 'x-error-codes';
/** Operation extension marking a route that needs no token (`@Public()`). */
export const PUBLIC_EXTENSION = 'x-public';

type Extensions = Record<string, unknown>;

function addCodes(target: object, codes: readonly string[]): void {
  const extensions = (Reflect.getMetadata(DECORATORS.API_EXTENSION, target) as Extensions | undefined) ?? {};
  const known = (extensions[ERROR_CODES_EXTENSION] as string[] | undefined) ?? [];
  Reflect.defineMetadata(
    DECORATORS.API_EXTENSION,
    { ...extensions, [ERROR_CODES_EXTENSION]: [...new Set([...known, ...codes])] },
    target,
  );
}

/** The handlers of a controller class (methods carrying a route). */
function routeHandlers(target: { prototype: object }): object[] {
  return Object.getOwnPropertyNames(target.prototype)
    .filter((name) => name !== 'constructor')
    .map((name) => Object.getOwnPropertyDescriptor(target.prototype, name)?.value as unknown)
    .filter((fn): fn is object => typeof fn === 'function' && Reflect.hasMetadata('method', fn));
}

/**
 * The domain error codes (`EVENT_NOT_FOUND`, `SLOT_TAKEN`…) an operation can
 * answer. The api derives each code's HTTP status from its one error map and
 * documents, per status, the error body with exactly these codes. On a class it
 * adds to every route of the controller; several uses add up.
 */
export function ApiErrors(...codes: string[]): MethodDecorator & ClassDecorator {
  return ((target: object, _key?: string | symbol, descriptor?: PropertyDescriptor) => {
    if (descriptor) {
      addCodes(descriptor.value as object, codes);
      return descriptor;
    }
    for (const handler of routeHandlers(target as { prototype: object })) addCodes(handler, codes);
    return target;
  }) as MethodDecorator & ClassDecorator;
}

/** Marks the operation as needing no token in the document (see `@Public()`). */
export function ApiPublic(): MethodDecorator & ClassDecorator {
  return ((target: object, _key?: string | symbol, descriptor?: PropertyDescriptor) => {
    const mark = (fn: object) => {
      const extensions = (Reflect.getMetadata(DECORATORS.API_EXTENSION, fn) as Extensions | undefined) ?? {};
      Reflect.defineMetadata(DECORATORS.API_EXTENSION, { ...extensions, [PUBLIC_EXTENSION]: true }, fn);
    };
    if (descriptor) {
      mark(descriptor.value as object);
      return descriptor;
    }
    for (const handler of routeHandlers(target as { prototype: object })) mark(handler);
    return target;
  }) as MethodDecorator & ClassDecorator;
}

/** Every error body: Nest's `{ statusCode, message, error }` plus a stable `code`. */
export class ErrorBodyDto {
  @ApiProperty({ type: 'integer', example: 404 }) statusCode: number;
  @ApiProperty({
    oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }],
    description: 'Human-readable; a list of messages for VALIDATION_FAILED',
    example: 'Event not found',
  })
  message: string | string[];
  @ApiProperty({ example: 'Not Found' }) error: string;
  @ApiProperty({ description: 'Stable machine-readable code; the operation lists those it can answer' })
  code: string;
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: 'Extra facts of some codes (e.g. retryAfterSeconds of RATE_LIMITED)',
  })
  details?: Record<string, unknown>;
}
