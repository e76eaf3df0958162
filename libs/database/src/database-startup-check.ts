import { AppConfig } from '@roundtable/config';
import { reasonOf, StartupCheck, StartupError, unreachable } from '@roundtable/common';
import { createConnection } from 'mysql2/promise';

const TIMEOUT_MS = 5_000;

/** Can this process log in to MySQL/MariaDB with the configured address and account? Fatal: nothing works without it. */
export function databaseStartupCheck(db: AppConfig['db']): StartupCheck {
  const where = `${db.host}:${db.port}`;
  return {
    name: 'MySQL',
    fatal: true,
    run: async () => {
      try {
        const connection = await createConnection({
          host: db.host,
          port: db.port,
          user: db.user,
          password: db.password,
          connectTimeout: TIMEOUT_MS,
        });
        await connection.end();
      } catch (error) {
        const code = (error as { code?: string }).code;
        if (code?.startsWith('ER_ACCESS_DENIED') || code === 'ER_NOT_SUPPORTED_AUTH_MODE') {
          throw new StartupError(
            `MySQL at ${where} refused user "${db.user}" (${code === 'ER_NOT_SUPPORTED_AUTH_MODE' ? 'authentication method not supported' : 'access denied'}): set DB_USER/DB_PASSWORD to an account that may create the database "${db.name}"`,
          );
        }
        throw unreachable('MySQL', where, reasonOf(error, TIMEOUT_MS), 'DB_HOST/DB_PORT');
      }
    },
  };
}
