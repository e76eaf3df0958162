import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';

/**
 * Every environment variable Roundtable reads, with its type and default.
 * The defaults are the "newcomer on a laptop" values: MySQL root@127.0.0.1,
 * Redis on 127.0.0.1, port 3000. Each property's description doubles as the
 * "what it expects" half of the one-line error printed on a bad value.
 */
export class EnvSchema {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] })
  PUBLIC_URL = 'http://localhost:3000';

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  @IsString()
  @MinLength(1)
  DB_HOST = '127.0.0.1';

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(65535)
  DB_PORT = 3306;

  @IsString()
  @MinLength(1)
  DB_USER = 'root';

  @IsString()
  DB_PASSWORD = '';

  @Matches(/^[A-Za-z0-9_]{1,64}$/)
  DB_NAME = 'roundtable';

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  DB_POOL_SIZE = 20;

  /** Read replicas, `host[:port]` separated by commas (the port defaults to DB_PORT); empty: none. */
  @Matches(/^$|^[A-Za-z0-9._-]+(:\d{1,5})?(,[A-Za-z0-9._-]+(:\d{1,5})?)*$/)
  DB_READ_HOSTS = '';

  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(3600)
  DB_READ_YOUR_WRITES_SECONDS = 5;

  @IsString()
  @MinLength(1)
  REDIS_HOST = '127.0.0.1';

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(65535)
  REDIS_PORT = 6379;

  @IsString()
  REDIS_PASSWORD = '';

  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(15)
  REDIS_DB = 0;

  @Matches(/^[A-Za-z0-9_:{}.-]{1,64}$/)
  REDIS_PREFIX = 'roundtable';

  @IsString()
  @MinLength(16)
  JWT_SECRET = 'roundtable-local-development-secret-change-me';

  @IsOptional()
  @IsString()
  @MinLength(32)
  BADGE_SECRET?: string;

  @Matches(
    /^(false|[0-9]{1,2}|(loopback|linklocal|uniquelocal|[0-9a-fA-F.:]+(\/[0-9]{1,3})?)(\s*,\s*(loopback|linklocal|uniquelocal|[0-9a-fA-F.:]+(\/[0-9]{1,3})?))*)$/,
  )
  TRUST_PROXY = 'false';

  @Type(() => Number)
  @IsInt()
  @Min(60)
  @Max(2_592_000)
  JWT_TTL_SECONDS = 86_400;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(10_000)
  LOGIN_RATE_LIMIT = 10;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(86_400)
  LOGIN_RATE_WINDOW_SECONDS = 900;

  @IsOptional()
  @IsEmail()
  ADMIN_EMAIL?: string;

  @IsOptional()
  @IsString()
  @MinLength(10)
  @MaxLength(200)
  ADMIN_PASSWORD?: string;

  @IsOptional()
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['smtp', 'smtps'] })
  SMTP_URL?: string;

  @IsString()
  @MinLength(3)
  MAIL_FROM = 'Roundtable <no-reply@roundtable.local>';

  @IsString()
  @MinLength(1)
  MAIL_DIR = 'var/mail';

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  MAIL_POOL_SIZE = 5;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100_000)
  MAIL_RATE_PER_SECOND = 1000;

  /** /health reports the outbox down once its oldest due mail has waited this long. */
  @Type(() => Number)
  @IsInt()
  @Min(10)
  @Max(604_800)
  MAIL_STALE_AFTER_SECONDS = 600;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  MAIL_CONCURRENCY = 20;

  @Type(() => Number)
  @IsInt()
  @Min(50)
  @Max(60_000)
  OUTBOX_POLL_MS = 1000;

  @Type(() => Number)
  @IsInt()
  @Min(1_000)
  @Max(3_600_000)
  OUTBOX_LEASE_MS = 60_000;

  @Type(() => Number)
  @IsInt()
  @Min(50)
  @Max(600_000)
  RECOMMENDATIONS_POLL_MS = 2000;

  @Type(() => Number)
  @IsInt()
  @Min(1_000)
  @Max(3_600_000)
  RECOMMENDATIONS_SCAN_OVERLAP_MS = 60_000;

  @Type(() => Number)
  @IsInt()
  @Min(1000)
  @Max(86_400_000)
  LEDGER_VERIFY_INTERVAL_MS = 600_000;

  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  INVITATIONS_PER_EVENT_UNTRUSTED = 20;

  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  INVITATIONS_PER_EVENT_TRUSTED = 10_000;

  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  INVITATIONS_PER_ORGANISER_PER_DAY = 50;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100_000)
  INVITATIONS_MAX_ROWS_JSON = 500;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100_000)
  INVITATIONS_MAX_ROWS_CSV = 5_000;

  /** Unset: `auto` outside production, `never` in production. */
  @IsOptional()
  @IsIn(['auto', 'always', 'never'])
  DEMO_SEED?: 'auto' | 'always' | 'never';

  @Type(() => Boolean)
  @IsBoolean()
  RUN_MIGRATIONS = true;
}

/** What each variable expects, in words, for the one-line start-up error. */
export const ENV_EXPECTATIONS: Record<keyof EnvSchema, string> = {
  NODE_ENV: 'one of development, production, test',
  PORT: 'an integer port between 0 and 65535',
  PUBLIC_URL: 'an http(s) URL such as http://localhost:3000',
  LOG_LEVEL: 'one of fatal, error, warn, info, debug, trace, silent',
  DB_HOST: 'a host name or IP address',
  DB_PORT: 'an integer port between 1 and 65535',
  DB_USER: 'a MySQL user name',
  DB_PASSWORD: 'a password (may be empty)',
  DB_NAME: 'a database name of letters, digits and underscores (at most 64)',
  DB_POOL_SIZE: 'an integer between 1 and 200',
  DB_READ_HOSTS: 'read replicas as host[:port] separated by commas, e.g. 10.0.0.2:3306,10.0.0.3 (or empty)',
  DB_READ_YOUR_WRITES_SECONDS: 'an integer number of seconds between 0 and 3600',
  REDIS_HOST: 'a host name or IP address',
  REDIS_PORT: 'an integer port between 1 and 65535',
  REDIS_PASSWORD: 'a password (may be empty)',
  REDIS_DB: 'a Redis database index between 0 and 15',
  REDIS_PREFIX: 'a key prefix of letters, digits and _:{}.- (at most 64)',
  JWT_SECRET: 'a secret of at least 16 characters (in production at least 32, and not a value published anywhere)',
  BADGE_SECRET: 'a secret of at least 32 characters',
  TRUST_PROXY:
    'false, a number of proxy hops, or a comma-separated list of proxy addresses/subnets (loopback, uniquelocal, 10.0.0.0/8…)',
  JWT_TTL_SECONDS: 'an integer number of seconds between 60 and 2592000',
  LOGIN_RATE_LIMIT: 'an integer number of attempts between 1 and 10000',
  LOGIN_RATE_WINDOW_SECONDS: 'an integer number of seconds between 1 and 86400',
  ADMIN_EMAIL: 'an email address',
  ADMIN_PASSWORD: 'a password of 10 to 200 characters',
  SMTP_URL: 'an smtp:// or smtps:// URL such as smtp://user:pass@mail.example.com:587',
  MAIL_FROM: 'a sender such as "Roundtable <no-reply@example.com>"',
  MAIL_DIR: 'a directory path for .eml files',
  MAIL_POOL_SIZE: 'an integer between 1 and 100',
  MAIL_RATE_PER_SECOND: 'an integer between 1 and 100000',
  MAIL_STALE_AFTER_SECONDS: 'an integer number of seconds between 10 and 604800',
  MAIL_CONCURRENCY: 'an integer between 1 and 200',
  OUTBOX_POLL_MS: 'an integer number of milliseconds between 50 and 60000',
  OUTBOX_LEASE_MS: 'an integer number of milliseconds between 1000 and 3600000',
  RECOMMENDATIONS_POLL_MS: 'an integer number of milliseconds between 50 and 600000',
  RECOMMENDATIONS_SCAN_OVERLAP_MS: 'an integer number of milliseconds between 1000 and 3600000',
  LEDGER_VERIFY_INTERVAL_MS: 'an integer number of milliseconds between 1000 and 86400000',
  INVITATIONS_PER_EVENT_UNTRUSTED: 'an integer number of invitations between 0 and 1000000',
  INVITATIONS_PER_EVENT_TRUSTED: 'an integer number of invitations between 0 and 1000000',
  INVITATIONS_PER_ORGANISER_PER_DAY: 'an integer number of invitations between 0 and 1000000',
  INVITATIONS_MAX_ROWS_JSON: 'an integer number of rows between 1 and 100000',
  INVITATIONS_MAX_ROWS_CSV: 'an integer number of rows between 1 and 100000',
  DEMO_SEED: 'one of auto, always, never',
  RUN_MIGRATIONS: 'true or false',
};
