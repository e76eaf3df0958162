import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { AuthUser } from '@roundtable/auth';
import { ReadReplicas } from '@roundtable/database';
import type { FastifyRequest } from 'fastify';
import { catchError, from, mergeMap, Observable, throwError } from 'rxjs';

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * "My own write is visible to me at once" with read replicas: once a signed-in
 * user's write request is done (its transaction committed or rolled back),
 * and before the answer leaves, their reads are sent to the primary for
 * DB_READ_YOUR_WRITES_SECONDS. Without replicas it does nothing.
 */
@Injectable()
export class ReadYourWritesInterceptor implements NestInterceptor {
  constructor(private readonly replicas: ReadReplicas) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<FastifyRequest & { user?: AuthUser }>();
    if (!this.replicas.enabled || READS.has(request.method)) return next.handle();
    const mark = () => (request.user ? this.replicas.noteWrite({ userId: request.user.id }) : Promise.resolve());
    return next.handle().pipe(
      mergeMap(async (value: unknown) => {
        await mark();
        return value;
      }),
      catchError((error: unknown) => from(mark()).pipe(mergeMap(() => throwError(() => error)))),
    );
  }
}
