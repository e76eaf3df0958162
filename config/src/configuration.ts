import { hkdfSync } from 'node:crypto';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { ENV_EXPECTATIONS, EnvSchema } from './env.schema';

/** The typed configuration every module reads through `ConfigService<AppConfig, true>`. */
export interface AppConfig {
  app: {
    env: 'development' | 'production' | 'test';
    port: number;
    publicUrl: string;
    logLevel: string;
    demoSeed: 'auto' | 'always' | 'never';
    /** The HTTP server's `trustProxy`: whose X-Forwarded-For is believed when deriving the client address. */
    trustProxy: boolean | number | string;
  };
  db: {
    host: string;
    port: number;
    user: string;
    password: string;
    name: string;
    poolSize: number;
    runMigrations: boolean;
    /** Read replicas (TypeORM replication); empty: every query goes to the primary. */
    readHosts: Array<{ host: string; port: number }>;
    /** After a user's write, their reads go to the primary for this long (and an event's public reads after it changed). */
    readYourWritesSeconds: number;
  };
  redis: { host: string; port: number; password?: string; db: number; prefix: string };
  auth: {
    jwtSecret: string;
    /** Signs badge QR codes: BADGE_SECRET, or derived from JWT_SECRET with its own purpose label. */
    badgeSecret: string;
    jwtTtlSeconds: number;
    loginRateLimit: number;
    loginRateWindowSeconds: number;
    adminEmail?: string;
    adminPassword?: string;
  };
  mail: {
    smtpUrl?: string;
    from: string;
    dir: string;
    poolSize: number;
    ratePerSecond: number;
    /** /health calls the outbox down once its oldest due mail is older than this. */
    staleAfterSeconds: number;
    concurrency: number;
    pollMs: number;
    leaseMs: number;
  };
  recommendations: {
    /** How often the worker looks for changed profiles to recompute. */
    pollMs: number;
    /** How long after its stamp a profile change may commit and still be found (each scan re-reads this far back). */
    scanOverlapMs: number;
  };
  agreements: {
    /** How often a worker recomputes every event's agreement ledger and alerts organisers of a broken one. */
    verifyIntervalMs: number;
  };
  /** Invitations are not a mail relay: totals per event (small until a platform admin trusts it) and per organiser. */
  invitations: {
    perEventUntrusted: number;
    perEventTrusted: number;
    perOrganiserPerDay: number;
    maxRowsJson: number;
    maxRowsCsv: number;
  };
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

const BOOLEAN_WORDS: Record<string, boolean> = { true: true, '1': true, false: false, '0': false };
const DEFAULT_JWT_SECRET = new EnvSchema().JWT_SECRET;

/**
 * Every secret value that appears anywhere in this repository (defaults,
 * examples, compose files, docs): public, so production refuses them.
 * `configuration.spec.ts` scans the repository's files so a new one cannot be
 * added without being listed here.
 */
export const PUBLISHED_SECRETS: readonly string[] = [DEFAULT_JWT_SECRET, 'change-this-secret-before-going-live'];
const PRODUCTION_SECRET_LENGTH = 32;

/**
 * Validates the environment once and returns the typed configuration.
 * Throws a ConfigError whose message is one line naming the variable, what it
 * expects and what it got.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const known = Object.keys(ENV_EXPECTATIONS) as (keyof EnvSchema)[];
  const raw: Record<string, unknown> = {};
  for (const key of known) {
    const value = env[key];
    if (value === undefined || value === '') continue;
    if (key === 'RUN_MIGRATIONS') {
      if (!(value.toLowerCase() in BOOLEAN_WORDS)) throw invalid(key, value);
      raw[key] = BOOLEAN_WORDS[value.toLowerCase()];
      continue;
    }
    raw[key] = value;
  }
  const parsed = plainToInstance(EnvSchema, raw, { enableImplicitConversion: false });
  const errors = validateSync(parsed, { stopAtFirstError: true });
  if (errors.length > 0) {
    const key = errors[0].property as keyof EnvSchema;
    throw invalid(key, env[key]);
  }
  if (parsed.NODE_ENV === 'production') assertProductionReady(parsed);
  if ((parsed.ADMIN_EMAIL === undefined) !== (parsed.ADMIN_PASSWORD === undefined)) {
    throw new ConfigError('Invalid configuration: ADMIN_EMAIL and ADMIN_PASSWORD must be set together (or neither)');
  }
  return {
    app: {
      env: parsed.NODE_ENV,
      port: parsed.PORT,
      // Unset, it follows PORT, so the URLs printed at start and put in mails are the ones that answer.
      publicUrl: (env.PUBLIC_URL ? parsed.PUBLIC_URL : `http://localhost:${parsed.PORT}`).replace(/\/+$/, ''),
      logLevel: parsed.LOG_LEVEL,
      demoSeed: parsed.DEMO_SEED ?? (parsed.NODE_ENV === 'production' ? 'never' : 'auto'),
      trustProxy: trustProxy(parsed.TRUST_PROXY),
    },
    db: {
      host: parsed.DB_HOST,
      port: parsed.DB_PORT,
      user: parsed.DB_USER,
      password: parsed.DB_PASSWORD,
      name: parsed.DB_NAME,
      poolSize: parsed.DB_POOL_SIZE,
      runMigrations: parsed.RUN_MIGRATIONS,
      readHosts: parsed.DB_READ_HOSTS.split(',')
        .filter((h) => h !== '')
        .map((h) => {
          const [host, port] = h.split(':');
          if (port !== undefined && (Number(port) < 1 || Number(port) > 65535))
            throw invalid('DB_READ_HOSTS', env.DB_READ_HOSTS);
          return { host, port: port ? Number(port) : parsed.DB_PORT };
        }),
      readYourWritesSeconds: parsed.DB_READ_YOUR_WRITES_SECONDS,
    },
    redis: {
      host: parsed.REDIS_HOST,
      port: parsed.REDIS_PORT,
      password: parsed.REDIS_PASSWORD || undefined,
      db: parsed.REDIS_DB,
      prefix: parsed.REDIS_PREFIX,
    },
    auth: {
      jwtSecret: parsed.JWT_SECRET,
      badgeSecret:
        parsed.BADGE_SECRET ??
        Buffer.from(hkdfSync('sha256', parsed.JWT_SECRET, '', 'roundtable badge qr signing v1', 32)).toString('hex'),
      jwtTtlSeconds: parsed.JWT_TTL_SECONDS,
      loginRateLimit: parsed.LOGIN_RATE_LIMIT,
      loginRateWindowSeconds: parsed.LOGIN_RATE_WINDOW_SECONDS,
      adminEmail: parsed.ADMIN_EMAIL?.toLowerCase(),
      adminPassword: parsed.ADMIN_PASSWORD,
    },
    mail: {
      smtpUrl: parsed.SMTP_URL,
      from: parsed.MAIL_FROM,
      dir: parsed.MAIL_DIR,
      poolSize: parsed.MAIL_POOL_SIZE,
      ratePerSecond: parsed.MAIL_RATE_PER_SECOND,
      staleAfterSeconds: parsed.MAIL_STALE_AFTER_SECONDS,
      concurrency: parsed.MAIL_CONCURRENCY,
      pollMs: parsed.OUTBOX_POLL_MS,
      leaseMs: parsed.OUTBOX_LEASE_MS,
    },
    recommendations: {
      pollMs: parsed.RECOMMENDATIONS_POLL_MS,
      scanOverlapMs: parsed.RECOMMENDATIONS_SCAN_OVERLAP_MS,
    },
    agreements: { verifyIntervalMs: parsed.LEDGER_VERIFY_INTERVAL_MS },
    invitations: {
      perEventUntrusted: parsed.INVITATIONS_PER_EVENT_UNTRUSTED,
      perEventTrusted: parsed.INVITATIONS_PER_EVENT_TRUSTED,
      perOrganiserPerDay: parsed.INVITATIONS_PER_ORGANISER_PER_DAY,
      maxRowsJson: parsed.INVITATIONS_MAX_ROWS_JSON,
      maxRowsCsv: parsed.INVITATIONS_MAX_ROWS_CSV,
    },
  };
}

/** Production starts only with secrets nobody else knows and without demo accounts. */
function assertProductionReady(parsed: EnvSchema): void {
  for (const [name, value] of [
    ['JWT_SECRET', parsed.JWT_SECRET],
    ['BADGE_SECRET', parsed.BADGE_SECRET],
  ] as const) {
    if (value === undefined) continue;
    if (value.length < PRODUCTION_SECRET_LENGTH || PUBLISHED_SECRETS.includes(value)) {
      throw new ConfigError(
        `Invalid configuration: ${name} must be your own secret of at least ${PRODUCTION_SECRET_LENGTH} characters in production, not a value published with Roundtable (try: openssl rand -base64 48)`,
      );
    }
  }
  if (parsed.DEMO_SEED !== undefined && parsed.DEMO_SEED !== 'never') {
    throw new ConfigError(
      `Invalid configuration: DEMO_SEED must be never in production (got "${parsed.DEMO_SEED}"): the demo's accounts have a published password`,
    );
  }
}

/** The `trustProxy` value: false, a hop count, or the list of trusted proxy addresses (or loopback, linklocal, uniquelocal). */
function trustProxy(value: string): boolean | number | string {
  if (value === 'false') return false;
  if (/^[0-9]+$/.test(value)) return Number(value);
  return value;
}

function invalid(key: keyof EnvSchema, value: string | undefined): ConfigError {
  const shown = key.includes('PASSWORD') || key.includes('SECRET') ? '(hidden)' : JSON.stringify(value);
  return new ConfigError(`Invalid configuration: ${key} must be ${ENV_EXPECTATIONS[key]} (got ${shown})`);
}
