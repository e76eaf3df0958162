import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { AppConfig } from '@roundtable/config';
import { ReadReplicas } from '@roundtable/database';
import { REDIS_CLIENT, redisKey } from '@roundtable/queue';
import { acceptsGzip, GZIP_MIN_BYTES, varyOnEncoding } from '@roundtable/common';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import Redis from 'ioredis';

/** The public reads served from the cache: an event, its agenda (JSON and ICS), its sessions, its agreements summary. */
const PUBLIC_READ = /^\/events\/([0-9a-f-]{36})(?:\/(agenda|sessions|agreements\/summary))?\/?$/i;
/** How long a process keeps an entry without a change it was told about (names edited elsewhere, e.g. a speaker's account). */
const MAX_AGE_MS = 60_000;
/** Entries kept per process (events × locales × formats); the oldest go first. */
const MAX_ENTRIES = 2_000;

function gzipped(entry: Entry): Buffer {
  return (entry.gzipped ??= gzipSync(entry.body));
}

interface Entry {
  version: string;
  /** The answer's bytes, serialised once when the entry was filled. */
  body: Buffer;
  /** The same bytes gzip'd, made on the first replay to a client that takes gzip (none for small answers). */
  gzipped?: Buffer;
  etag: string;
  /** Last-Modified in milliseconds, whole seconds (what the header can say). */
  modifiedMs: number;
  /** Every header of a 200 (the app's security headers, the type, the validators, the length), ready for writeHead. */
  headers: Record<string, string | number | string[]>;
  /** The headers of a 304: the validators and what the app adds to every answer. */
  notModified: Record<string, string | number | string[]>;
  storedAt: number;
}

/** Headers a stored answer never replays: they belong to one response, or are set from the entry itself. */
const PER_RESPONSE = new Set([
  'x-request-id',
  'content-length',
  'date',
  'connection',
  'keep-alive',
  'transfer-encoding',
  'set-cookie',
  'etag',
  'last-modified',
  'cache-control',
]);

/** Where a missed read's answer is stored, and the version it was read at. */
interface Fill {
  key: string;
  version: string;
}

/** A version read of one event in flight, and the read queued to start when it answers. */
interface Flight {
  sent: Promise<string | null>;
  queued: Promise<string | null> | null;
}

/**
 * Whether the client's copy is current (RFC 9110 §13.2.2: If-None-Match
 * decides when present, weak comparison; else If-Modified-Since).
 */
function clientIsFresh(req: FastifyRequest, entry: Pick<Entry, 'etag' | 'modifiedMs'>): boolean {
  const noneMatch = req.headers['if-none-match'];
  if (/(?:^|,)\s*no-cache\s*(?:,|$)/i.test(req.headers['cache-control'] ?? '')) return false;
  if (noneMatch !== undefined) {
    if (noneMatch.trim() === '*') return true;
    const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
    const ours = opaque(entry.etag);
    return noneMatch.split(',').some((tag) => opaque(tag) === ours);
  }
  const since = req.headers['if-modified-since'];
  if (since === undefined) return false;
  const at = Date.parse(since);
  return !Number.isNaN(at) && entry.modifiedMs <= at;
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
 * asks Redis for the version on each read (one round trip shared by the
 * requests that queued for it, no database), and a hit writes the bytes and
 * headers stored with the entry, before helmet, the body parsers, the logger
 * or Nest see the request; entries also expire after a minute, for changes made where nobody calls
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
  private readonly flights = new Map<string, Flight>();
  /** Requests whose answer fills an entry once sent. */
  private readonly fills = new WeakMap<FastifyRequest, Fill>();
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

  /**
   * On the HTTP server, as its first request hook: a hit is answered there with the stored bytes and
   * headers; a miss by an anonymous reader is marked, and its answer stored as it is sent (onSend, before
   * the app's compression, so the entry holds the plain bytes).
   */
  install(server: FastifyInstance): void {
    server.addHook('onRequest', async (request, reply) => {
      if (request.method !== 'GET' && request.method !== 'HEAD') return;
      const q = request.url.indexOf('?');
      const match = PUBLIC_READ.exec(q < 0 ? request.url : request.url.slice(0, q));
      if (match) await this.serve(match[1].toLowerCase(), request, reply);
    });
    server.addHook('onSend', (request, reply, payload, done) => {
      const fill = this.fills.get(request);
      if (fill && reply.statusCode === 200 && typeof payload === 'string') {
        this.fills.delete(request);
        done(null, this.store(fill, request, reply, payload));
        return;
      }
      done(null, payload);
    });
  }

  private async serve(eventId: string, req: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> {
    const version = await this.version(eventId);
    if (version === null) return undefined;
    const key = `${eventId}|${req.url}|${(req.headers['accept-language'] ?? '').slice(0, 64)}`;
    const entry = this.entries.get(key);
    if (entry && entry.version === version && Date.now() - entry.storedAt < MAX_AGE_MS) {
      // The hot path: bytes and headers made when the entry was filled, nothing else per request.
      if (clientIsFresh(req, entry)) return reply.code(304).headers(entry.notModified).send();
      const gzip = entry.body.length >= GZIP_MIN_BYTES && acceptsGzip(req.headers);
      const body = gzip ? gzipped(entry) : entry.body;
      reply.code(200).headers(entry.headers);
      if (gzip) reply.headers({ 'Content-Encoding': 'gzip', 'Content-Length': body.length });
      return reply.send(req.method === 'HEAD' ? undefined : body);
    }
    if (req.headers.authorization || 'token' in (req.query as object)) return undefined;
    this.fills.set(req, { key, version });
    return undefined;
  }

  /** Stores a filled answer, sets its validators on the reply, and gives the payload to send (none for a 304). */
  private store(fill: Fill, req: FastifyRequest, reply: FastifyReply, payload: string): string {
    const bytes = Buffer.from(payload);
    const etag = `W/"${createHash('sha1').update(bytes).digest('base64url').slice(0, 22)}"`;
    const modifiedMs = Math.floor(Number(fill.version) / 1000) * 1000;
    const validators = {
      ETag: etag,
      'Last-Modified': new Date(modifiedMs).toUTCString(),
      'Cache-Control': 'no-cache',
    };
    const replayed: Record<string, string | number | string[]> = {};
    for (const [name, value] of Object.entries(reply.getHeaders()))
      if (value !== undefined && !PER_RESPONSE.has(name) && name !== 'vary') replayed[name] = value;
    const { 'content-type': _type, 'content-disposition': _disposition, ...common } = replayed;
    this.remember(fill.key, {
      version: fill.version,
      body: bytes,
      etag,
      modifiedMs,
      headers: {
        ...replayed,
        ...validators,
        Vary: varyOnEncoding(reply.getHeader('vary')),
        'Content-Length': bytes.length,
      },
      notModified: { ...common, ...validators },
      storedAt: Date.now(),
    });
    reply.headers(validators);
    if (!clientIsFresh(req, { etag, modifiedMs })) return payload;
    reply.code(304);
    return '';
  }

  private remember(key: string, entry: Entry): void {
    this.entries.delete(key);
    this.entries.set(key, entry);
    if (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
  }

  /**
   * The event's version as Redis holds it after this request arrived. Reads
   * are shared: a request that finds one in flight (sent before it came, so
   * possibly older than a change it must see) waits for the next, which
   * starts when that one answers and serves everyone who queued meanwhile.
   * Under load that is a couple of round trips per event at a time, not one
   * per request.
   */
  private version(eventId: string): Promise<string | null> {
    const flight = this.flights.get(eventId);
    if (!flight) return this.sendVersionRead(eventId);
    return (flight.queued ??= flight.sent.then(() => this.sendVersionRead(eventId)));
  }

  private sendVersionRead(eventId: string): Promise<string | null> {
    const flight: Flight = { sent: this.readVersion(eventId), queued: null };
    this.flights.set(eventId, flight);
    void flight.sent.finally(() => {
      if (this.flights.get(eventId) === flight) this.flights.delete(eventId);
    });
    return flight.sent;
  }

  /** The event's version, created (as now) on first use; null when Redis cannot answer. */
  private async readVersion(eventId: string): Promise<string | null> {
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
