import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { DomainError, LoggedRequest, requestFields } from '@roundtable/common';
import { translateDbError } from '@roundtable/database';
import type { FastifyReply } from 'fastify';
import type { IncomingHttpHeaders } from 'node:http';
import { BODY_LIMIT_BYTES } from '../json-depth';
import { ErrorCode, HTTP_ERROR_CODES, statusOf } from './error-status';

interface ErrorBody {
  statusCode: number;
  message: string | string[];
  error: string;
  code: string;
  details?: Record<string, unknown>;
}

/** Codes for Nest's own HTTP exceptions (validation, unknown route, body too large…). */
const HTTP_CODES: Record<number, string> = {
  400: 'VALIDATION_FAILED',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  406: 'NOT_ACCEPTABLE',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
};

/**
 * The one place errors become responses: Nest's shape
 * `{ statusCode, message, error }` plus a stable `code`. Domain errors map
 * through `statusOf`; driver errors a client can cause become 4xx; the rest
 * is a logged 500 that tells the client nothing internal.
 */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<FastifyReply>();
    if (response.sent || response.raw.headersSent) return;
    // a handler may have declared a file type (PDF, CSV, ICS) before it failed; the error is JSON
    response.removeHeader('Content-Disposition');
    response.type('application/json; charset=utf-8');
    if (exception instanceof HttpException && isStructuredBody(exception.getResponse())) {
      // e.g. the health check's own report: already a complete, documented body
      void response.status(exception.getStatus()).send(exception.getResponse());
      return;
    }
    const body = this.toBody(translateDbError(exception), host.switchToHttp().getRequest<LoggedRequest>());
    if (
      body.statusCode === Number(HttpStatus.TOO_MANY_REQUESTS) &&
      typeof body.details?.retryAfterSeconds === 'number'
    ) {
      response.header('Retry-After', String(body.details.retryAfterSeconds));
    }
    void response.status(body.statusCode).send(body);
  }

  private toBody(exception: unknown, request: LoggedRequest): ErrorBody {
    if (exception instanceof DomainError) {
      const code = exception.code as ErrorCode;
      const statusCode = statusOf(code);
      return {
        statusCode,
        message: exception.message,
        error: reason(statusCode),
        code,
        ...(exception.details ? { details: exception.details } : {}),
      };
    }
    if (exception instanceof HttpException) {
      const statusCode = exception.getStatus();
      const payload = exception.getResponse();
      const message =
        typeof payload === 'object' && payload !== null && 'message' in payload
          ? (payload as { message: string | string[] }).message
          : exception.message;
      return {
        statusCode,
        // the server's refusals of a body before reading it say only "Payload Too Large" and the like
        message: statusCode === 413 || statusCode === 415 ? bodyProblem(statusCode, request) : message,
        error: reason(statusCode),
        code: HTTP_CODES[statusCode] ?? `HTTP_${statusCode}`,
      };
    }
    // the HTTP server's own errors before a handler (body too large, a type it does not read, a body nested
    // too deep) carry their own 4xx status
    const raw = exception as { statusCode?: unknown; code?: unknown; message?: unknown } | null;
    const status = raw?.statusCode;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      const own = typeof raw?.code === 'string' && raw.code in HTTP_ERROR_CODES ? raw.code : undefined;
      return {
        statusCode: status,
        message: own ? String(raw?.message) : bodyProblem(status, request),
        error: reason(status),
        code: own ?? HTTP_CODES[status] ?? `HTTP_${status}`,
      };
    }
    // the request named in the line itself (its id is the one in X-Request-Id and on its "request errored" line)
    this.logger.error(
      { req: requestFields(request), err: exception instanceof Error ? exception : new Error(String(exception)) },
      'unhandled error',
    );
    return {
      statusCode: HttpStatus.INTERNAL_SERVER_ERROR,
      message: 'Internal server error',
      error: 'Internal Server Error',
      code: 'INTERNAL',
    };
  }
}

/** What a body the server refused before reading it was wrong with. */
function bodyProblem(status: number, request: LoggedRequest & { headers?: IncomingHttpHeaders }): string {
  if (status === 413) return `Request body is too large (at most ${BODY_LIMIT_BYTES / 1024} kB)`;
  if (status === 415) {
    const type = request.headers?.['content-type'] ?? '';
    return `Content-Type ${JSON.stringify(type)} is not read here: send application/json`;
  }
  return 'Request body could not be parsed';
}

function isStructuredBody(payload: unknown): boolean {
  return typeof payload === 'object' && payload !== null && !('message' in payload) && !('statusCode' in payload);
}

function reason(status: number): string {
  const name = HttpStatus[status];
  return name
    ? name
        .split('_')
        .map((w) => w[0] + w.slice(1).toLowerCase())
        .join(' ')
    : 'Error';
}
