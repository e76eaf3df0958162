import { createBullBoard } from '@bull-board/api';
import { BullAdapter } from '@bull-board/api/bullAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import { getQueueToken } from '@nestjs/bull';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AuthService, isAdmin } from '@roundtable/auth';
import { QueueName } from '@roundtable/queue';
import { Queue } from 'bull';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

export const DASHBOARD_PATH = '/admin/queues';
const COOKIE = 'rt_admin';

/**
 * The Bull dashboard, for platform admins only. It is a plugin on the HTTP
 * server, outside Nest's guards, so it gets its own check: a bearer token,
 * or — for a browser, which cannot send one — `?token=` once, kept in an
 * HttpOnly cookie scoped to the dashboard.
 */
export async function mountQueueDashboard(app: NestFastifyApplication): Promise<void> {
  const serverAdapter = new FastifyAdapter();
  serverAdapter.setBasePath(DASHBOARD_PATH);
  createBullBoard({
    queues: Object.values(QueueName).map(
      (name) => new BullAdapter(app.get<Queue>(getQueueToken(name), { strict: false })),
    ),
    serverAdapter,
  });
  const auth = app.get(AuthService, { strict: false });
  await app.register(
    async (dashboard: FastifyInstance) => {
      dashboard.addHook('onRequest', adminOnly(auth));
      await dashboard.register(serverAdapter.registerPlugin());
    },
    { prefix: DASHBOARD_PATH },
  );
}

function adminOnly(auth: AuthService) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const header = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
    const given = (request.query as Record<string, unknown> | undefined)?.token;
    const query = typeof given === 'string' ? given : undefined;
    const cookie = /(?:^|;\s*)rt_admin=([^;]+)/.exec(request.headers.cookie ?? '')?.[1];
    const token = header ?? query ?? (cookie === undefined ? undefined : decodeURIComponent(cookie));
    const deny = (statusCode: 401 | 403, message: string) => {
      const unauthenticated = statusCode === 401;
      return reply.code(statusCode).send({
        statusCode,
        message,
        error: unauthenticated ? 'Unauthorized' : 'Forbidden',
        code: unauthenticated ? 'INVALID_TOKEN' : 'FORBIDDEN',
      });
    };
    if (!token) return deny(401, 'A platform admin token is required');
    let user;
    try {
      user = await auth.authenticate(token);
    } catch {
      return deny(401, 'Token is not valid');
    }
    if (!isAdmin(user)) return deny(403, 'Only platform admins may see the queues');
    if (query) {
      reply.header(
        'set-cookie',
        `${COOKIE}=${encodeURIComponent(query)}; Path=${DASHBOARD_PATH}; HttpOnly; SameSite=Strict`,
      );
    }
  };
}
