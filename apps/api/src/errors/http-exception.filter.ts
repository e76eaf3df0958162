import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { DomainError, LoggedRequest, requestFields } from '@roundtable/common';
import { translateDbError } from '@roundtable/database';
import { Response } from 'express';
import { ErrorCode, statusOf } from './error-status';

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
    const response = host.switchToHttp().getResponse<Response>();
    if (response.headersSent) return;
    // a handler may have declared a file type (PDF, CSV, ICS) before it failed; the error is JSON
    response.removeHeader('Content-Disposition');
    response.type('application/json');
    if (exception instanceof HttpException && isStructuredBody(exception.getResponse())) {
      // e.g. the health check's own report: already a complete, documented body
      response.status(exception.getStatus()).json(exception.getResponse());
      return;
    }
    const body = this.toBody(translateDbError(exception), host.switchToHttp().getRequest<LoggedRequest>());
    if (
      body.statusCode === Number(HttpStatus.TOO_MANY_REQUESTS) &&
      typeof body.details?.retryAfterSeconds === 'number'
    ) {
      response.setHeader('Retry-After', String(body.details.retryAfterSeconds));
    }
    response.status(body.statusCode).json(body);
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
      return { statusCode, message, error: reason(statusCode), code: HTTP_CODES[statusCode] ?? `HTTP_${statusCode}` };
    }
    const status = (exception as { status?: unknown; type?: unknown })?.status;
    // body-parser errors (malformed JSON, body too large, bad charset) carry their own 4xx status
    if (typeof status === 'number' && status >= 400 && status < 500) {
      const message = status === 413 ? 'Request body is too large' : 'Request body could not be parsed';
      return { statusCode: status, message, error: reason(status), code: HTTP_CODES[status] ?? `HTTP_${status}` };
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
