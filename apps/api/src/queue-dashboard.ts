import { createBullBoard } from '@bull-board/api';
import { BullAdapter } from '@bull-board/api/bullAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { getQueueToken } from '@nestjs/bull';
import { INestApplication } from '@nestjs/common';
import { AuthService, isAdmin } from '@roundtable/auth';
import { QueueName } from '@roundtable/queue';
import { Queue } from 'bull';
import { NextFunction, Request, Response } from 'express';

export const DASHBOARD_PATH = '/admin/queues';
const COOKIE = 'rt_admin';

/**
 * The Bull dashboard, for platform admins only. It is plain Express, outside
 * Nest's guards, so it gets its own check: a bearer token, or — for a browser,
 * which cannot send one — `?token=` once, kept in an HttpOnly cookie scoped to
 * the dashboard.
 */
export function mountQueueDashboard(app: INestApplication): void {
  const serverAdapter = new ExpressAdapter();
  serverAdapter.setBasePath(DASHBOARD_PATH);
  createBullBoard({
    queues: Object.values(QueueName).map(
      (name) => new BullAdapter(app.get<Queue>(getQueueToken(name), { strict: false })),
    ),
    serverAdapter,
  });
  const auth = app.get(AuthService, { strict: false });
  app.use(DASHBOARD_PATH, adminOnly(auth), serverAdapter.getRouter());
}

function adminOnly(auth: AuthService) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const header = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
    const query = typeof req.query.token === 'string' ? req.query.token : undefined;
    const cookie = /(?:^|;\s*)rt_admin=([^;]+)/.exec(req.headers.cookie ?? '')?.[1];
    const token = header ?? query ?? cookie;
    const deny = (statusCode: 401 | 403, message: string): void => {
      const unauthenticated = statusCode === 401;
      res.status(statusCode).json({
        statusCode,
        message,
        error: unauthenticated ? 'Unauthorized' : 'Forbidden',
        code: unauthenticated ? 'INVALID_TOKEN' : 'FORBIDDEN',
      });
    };
    if (!token) return deny(401, 'A platform admin token is required');
    auth.authenticate(token).then(
      (user) => {
        if (!isAdmin(user)) return deny(403, 'Only platform admins may see the queues');
        if (query) {
          res.cookie(COOKIE, query, { httpOnly: true, sameSite: 'strict', path: DASHBOARD_PATH });
        }
        next();
      },
      () => deny(401, 'Token is not valid'),
    );
  };
}
