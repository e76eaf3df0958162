import { HttpStatus, INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import {
  DocumentBuilder,
  getSchemaPath,
  OpenAPIObject,
  OperationObject,
  ResponseObject,
  SwaggerModule,
} from '@nestjs/swagger';
import { ERROR_CODES_EXTENSION, ErrorBodyDto, PUBLIC_EXTENSION } from '@roundtable/common';
import { AppModule } from './app.module';
import { statusOfAnyCode } from './errors/error-status';

/** The OpenAPI document of the api: served at /docs/openapi.json and written to libs/api-client by `npm run api:client`. */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Roundtable API')
      .setDescription(
        'Business roundtable forums: events, agenda, registrations, B2B meetings, agreements.\n\n' +
          'Every error answers `{ statusCode, message, error, code }`; each operation lists the `code` values it ' +
          'can answer per status. Instants are ISO 8601 with milliseconds and an offset ' +
          '(`2027-06-10T01:00:00.000Z`, or `…+08:00` where a field is in a named zone). Lists answer ' +
          '`{ items, nextCursor }`; pass `nextCursor` back as `cursor` for the next page (null: no more).',
      )
      .setVersion('0.1.0')
      .addBearerAuth()
      .build(),
    { extraModels: [ErrorBodyDto] },
  );
  documentErrors(document);
  return document;
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

/** The errors every operation of a kind can answer, before its handler runs. */
function implicitCodes(method: string, operation: OperationObject): string[] {
  // a token, when sent, is checked even on public routes
  const codes = ['INVALID_TOKEN'];
  const hasQuery = (operation.parameters ?? []).some((p) => 'in' in p && p.in === 'query');
  if (hasQuery || operation.requestBody) codes.push('VALIDATION_FAILED');
  if (method !== 'get') {
    // any body is parsed: it may not parse (VALIDATION_FAILED), nest too deep, be too large or in a charset not read
    codes.push('VALIDATION_FAILED', 'BODY_TOO_DEEP', 'PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE');
    // a write that loses a deadlock or lock wait to another
    codes.push('BUSY');
  }
  return codes;
}

/**
 * Turns each operation's `x-error-codes` (from `@ApiErrors`) and the errors
 * every operation of its kind can give into responses: per status, the error
 * body with the `code` values of that status. Marks every route without
 * `@Public()` as needing the bearer token. Throws when an operation documents
 * an error status without a body schema, so none can slip in undescribed.
 */
export function documentErrors(document: OpenAPIObject): void {
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method] as (OperationObject & Record<string, unknown>) | undefined;
      if (!operation) continue;
      const declared = (operation[ERROR_CODES_EXTENSION] as string[] | undefined) ?? [];
      const isPublic = operation[PUBLIC_EXTENSION] === true;
      delete operation[ERROR_CODES_EXTENSION];
      delete operation[PUBLIC_EXTENSION];
      if (!isPublic) operation.security = [{ bearer: [] }];
      else delete operation.security;

      // every GET answer carries an ETag; a request with the same If-None-Match gets an empty 304
      if (method === 'get')
        operation.responses[304] ??= { description: 'Not Modified: the If-None-Match ETag still matches' };

      const byStatus = new Map<number, string[]>();
      for (const code of new Set([...implicitCodes(method, operation), ...declared])) {
        const status = Number(statusOfAnyCode(code));
        byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
      }
      for (const [status, codes] of [...byStatus].sort(([a], [b]) => a - b)) {
        const existing = operation.responses[status] as ResponseObject | undefined;
        operation.responses[status] = {
          description: existing?.description || `${HttpStatus[status] ?? 'Error'}: ${codes.join(', ')}`,
          content: {
            'application/json': {
              schema: {
                allOf: [
                  { $ref: getSchemaPath(ErrorBodyDto) },
                  { type: 'object', properties: { code: { type: 'string', enum: codes.sort() } } },
                ],
              },
            },
          },
        };
      }
      for (const [status, response] of Object.entries(operation.responses)) {
        if (Number(status) >= 400 && !(response as ResponseObject).content)
          throw new Error(
            `${method.toUpperCase()} ${path} documents ${status} without a body: name its codes with @ApiErrors`,
          );
      }
    }
  }
}

/**
 * The document without a database, Redis or SMTP: Nest's preview mode builds
 * the module graph and reads the decorators but instantiates no provider, so
 * nothing connects.
 */
export async function openApiDocumentOffline(): Promise<OpenAPIObject> {
  const app = await NestFactory.create(AppModule.register({ allInOne: false }), new FastifyAdapter(), {
    preview: true,
    logger: false,
    abortOnError: false,
  });
  try {
    return buildOpenApiDocument(app);
  } finally {
    await app.close();
  }
}
