/**
 * Start-up checks: before Nest builds anything, each process asks its dependencies (MySQL,
 * Redis, SMTP) whether they answer, so a newcomer whose MySQL is not running reads one line
 * saying what, where and what to do, instead of a stack trace from deep inside a module factory.
 */
export class StartupError extends Error {
  override readonly name = 'StartupError';
}

export interface StartupCheck {
  /** What is checked, e.g. "MySQL". */
  name: string;
  /** Fatal checks stop the process; the others print a warning and start anyway. */
  fatal: boolean;
  /** Resolves when the dependency answers; rejects with a one-line StartupError otherwise. */
  run(): Promise<void>;
}

/** Where a newcomer finds the one-line install of the servers the app needs. */
export const INSTALL_HINT =
  'to install MySQL and Redis: README.md, "Installing MySQL and Redis" (one line for Debian and macOS)';

const SOCKET_CODES = /\b(ECONNREFUSED|ETIMEDOUT|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH)\b/;

/**
 * Why a connection failed, in words, from a Node.js socket error's code (some clients wrap the
 * socket error in one of their own, e.g. nodemailer's ESOCKET, and keep the code only in the message).
 */
export function reasonOf(error: unknown, timeoutMs: number): string {
  const e = (error ?? {}) as { code?: string; message?: string };
  const code = SOCKET_CODES.exec(`${e.code ?? ''} ${e.message ?? ''}`)?.[1] ?? e.code;
  switch (code ?? '') {
    case 'ECONNREFUSED':
      return 'connection refused';
    case 'ETIMEDOUT':
    case 'ESOCKET_TIMEOUT':
      return `no answer within ${timeoutMs / 1000} s`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'host name not found';
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return 'host unreachable';
    default:
      return (e.code ?? e.message ?? String(error)).split('\n')[0].slice(0, 200);
  }
}

/** "MySQL is not reachable at 127.0.0.1:3307 (connection refused): start it, or set DB_HOST/DB_PORT …; <hint>" */
export function unreachable(what: string, where: string, reason: string, variables: string, hint = INSTALL_HINT) {
  return new StartupError(
    `${what} is not reachable at ${where} (${reason}): start it, or set ${variables} to where it runs; ${hint}`,
  );
}

export interface StartupCheckOutcome {
  /** One line per fatal check that failed: the process must not start. */
  fatal: string[];
  /** One line per non-fatal check that failed. */
  warnings: string[];
}

/** Runs the checks together (so the slowest, not their sum, bounds the wait) and collects one line per failure. */
export async function runStartupChecks(checks: StartupCheck[]): Promise<StartupCheckOutcome> {
  const results = await Promise.allSettled(checks.map((check) => check.run()));
  const outcome: StartupCheckOutcome = { fatal: [], warnings: [] };
  results.forEach((result, i) => {
    if (result.status === 'fulfilled') return;
    const line = result.reason instanceof Error ? result.reason.message : String(result.reason);
    (checks[i].fatal ? outcome.fatal : outcome.warnings).push(line.split('\n')[0]);
  });
  return outcome;
}

interface LineLogger {
  isLevelEnabled(level: string): boolean;
  fatal(message: string): void;
  warn(message: string): void;
}

/**
 * Runs the checks and prints one line per failure through the process's logger; false when the
 * process must stop. A fatal line is printed even at LOG_LEVEL=silent (on stderr then): nobody
 * should have to guess why a process exited.
 */
export async function passesStartupChecks(checks: StartupCheck[], logger: LineLogger): Promise<boolean> {
  const { fatal, warnings } = await runStartupChecks(checks);
  for (const line of warnings) logger.warn(line);
  for (const line of fatal) sayFatal(logger, line);
  return fatal.length === 0;
}

/** One fatal line, through the logger when it prints fatal lines, on stderr otherwise. */
export function sayFatal(logger: LineLogger, line: string): void {
  if (logger.isLevelEnabled('fatal')) logger.fatal(line);
  else process.stderr.write(`${line}\n`);
}
