import { createHash } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { AppConfig } from '@roundtable/config';
import { ReadReplicas } from '@roundtable/database';
import { REDIS_CLIENT, redisKey } from '@roundtable/queue';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import Redis from 'ioredis';

/** The public reads served from the cache: an event, its agenda (JSON and ICS), its sessions, its agreements summary. */
const PUBLIC_READ = /^\/events\/([0-9a-f-]{36})(?:\/(agenda|sessions|agreements\/summary))?\/?$/i;
/** How long a process keeps an entry without a change it was told about (names edited elsewhere, e.g. a speaker's account). */
const MAX_AGE_MS = 60_000;
/** Entries kept per process (events × locales × formats); the oldest go first. */
const MAX_ENTRIES = 2_000;

interface Entry {
  version: string;
  body: string;
  etag: string;
  lastModified: string;
  headers: Array<[string, string]>;
  storedAt: number;
}

// Raises the event's version to max(now, version + 1): a number every process agrees on,
// which is also the instant of the last change (Last-Modified).
const BUMP = `local v = tonumber(redis.call('GET', KEYS[1]) or '0')
local n = tonumber(ARGV[1])
if n <= v then n = v + 1 end
redis.call('SET', KEYS[1], n)
return n`;

/**
 * The public reads of an event, answered from memory with ETag and
 * Last-Modified (and 304 when the client has them), shared by every api
 * process through one version number per event in Redis: a write that
 * changes what they show calls `changed(eventId)` after its commit, which
 * bumps the version, and every process refills on its next read. A process
 * asks Redis for the version on each read (one round trip, no database);
 * entries also expire after a minute, for changes made where nobody calls
 * `changed` (a speaker renaming their account). Without Redis the reads go
 * straight to the handlers.
 *
 * Entries are filled only by anonymous requests, so they hold only what
 * anyone may see; these four answers are the same for every reader once
 * public, so hits are served to signed-in readers too.
 */
@Injectable()
export class PublicReadCache {
  private readonly logger = new Logger(PublicReadCache.name);
  private readonly entries = new Map<string, Entry>();
  private readonly redisConfig: AppConfig['redis'];

  constructor(
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
    private readonly replicas: ReadReplicas,
    config: ConfigService<AppConfig, true>,
  ) {
    this.redisConfig = config.get('redis', { infer: true });
  }

  /** Call after the commit of any write that changes an event's public reads. */
  async changed(eventId: string): Promise<void> {
    for (const key of this.entries.keys()) if (key.startsWith(`${eventId}|`)) this.entries.delete(key);
    try {
      await this.redis.eval(BUMP, 1, this.versionKey(eventId), Date.now());
    } catch (error) {
      this.logger.warn(`Could not bump the public cache of event ${eventId}: ${(error as Error).message}`);
    }
    // For a while the refills read the primary: a lagging replica must not refill the cache with the old state.
    await this.replicas.noteWrite({ eventId });
  }

  middleware(): RequestHandler {
    return (req, res, next) => {
      if (req.method !== 'GET' && req.method !== 'HEAD') return next();
      const match = PUBLIC_READ.exec(req.path);
      if (!match) return next();
      this.serve(match[1].toLowerCase(), req, res, next).catch(next);
    };
  }

  private async serve(eventId: string, req: Request, res: Response, next: NextFunction): Promise<void> {
    const version = await this.version(eventId);
    if (version === null) return next();
    const key = `${eventId}|${req.originalUrl}|${(req.headers['accept-language'] ?? '').slice(0, 64)}`;
    const entry = this.entries.get(key);
    if (entry && entry.version === version && Date.now() - entry.storedAt < MAX_AGE_MS) {
      for (const [name, value] of entry.headers) res.setHeader(name, value);
      this.setValidators(res, entry);
      if (req.fresh) {
        res.status(304).end();
        return;
      }
      res.status(200).send(entry.body);
      return;
    }
    if (req.headers.authorization || 'token' in req.query) return next();
    const send = res.send.bind(res);
    res.send = (body?: unknown) => {
      if (res.statusCode === 200 && typeof body === 'string') {
        const lastModified = new Date(Number(version)).toUTCString();
        const stored: Entry = {
          version,
          body,
          etag: `W/"${createHash('sha1').update(body).digest('base64url').slice(0, 22)}"`,
          lastModified,
          headers: ['Content-Type', 'Content-Disposition']
            .map((name) => [name, res.getHeader(name)] as const)
            .filter((h): h is readonly [string, string] => typeof h[1] === 'string')
            .map(([name, value]) => [name, value]),
          storedAt: Date.now(),
        };
        this.remember(key, stored);
        // Express answers 304 itself when these match the request's validators.
        this.setValidators(res, stored);
      }
      return send(body);
    };
    next();
  }

  private setValidators(res: Response, entry: Entry): void {
    res.setHeader('ETag', entry.etag);
    res.setHeader('Last-Modified', entry.lastModified);
    res.setHeader('Cache-Control', 'no-cache');
  }

  private remember(key: string, entry: Entry): void {
    this.entries.delete(key);
    this.entries.set(key, entry);
    if (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
  }

  /** The event's version, created (as now) on first use; null when Redis cannot answer. */
  private async version(eventId: string): Promise<string | null> {
    try {
      const key = this.versionKey(eventId);
      const current = await this.redis.get(key);
      if (current !== null) return current;
      await this.redis.set(key, String(Date.now()), 'NX');
      return await this.redis.get(key);
    } catch {
      return null;
    }
  }

  private versionKey(eventId: string): string {
    return redisKey(this.redisConfig, 'public', 'version', eventId);
  }
}
