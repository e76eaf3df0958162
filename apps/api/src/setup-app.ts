import fastifyEtag from '@fastify/etag';
import fastifyHelmet from '@fastify/helmet';
import { INestApplication } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import { installRequestLogging, requestId, rootLogger } from '@roundtable/common';
import { AppConfig } from '@roundtable/config';
import { PublicReadCache } from '@roundtable/events';
import type { FastifyInstance } from 'fastify';
import { Logger } from 'nestjs-pino';
import { parse as parseQueryString } from 'node:querystring';
import { Readable } from 'node:stream';
import secureJson from 'secure-json-parse';
import { compressJsonReplies } from './compress-json';
import { BODY_LIMIT_BYTES, bodyTooDeep, jsonDepthExceeds, MAX_JSON_DEPTH } from './json-depth';
import { buildOpenApiDocument } from './openapi';
import { mountQueueDashboard } from './queue-dashboard';
import { RoundtableValidationPipe } from './validation-pipe';
import { serveWebApp, webAppBuilt } from './web-app';

/**
 * The api's HTTP server: Fastify (under Nest, a third less CPU per request than Express: 0.36 against
 * 0.55 ms for GET /me/meetings in bench:api), set up to answer as the api always has: a trailing slash
 * ignored, any X-Forwarded-For believed only from a configured proxy (otherwise anyone could pick the
 * address the login limiter counts them under), request ids from `requestId`, and Fastify's own logger
 * off (installRequestLogging writes the one line per request).
 */
export function httpAdapter(app: Pick<AppConfig['app'], 'trustProxy'>): FastifyAdapter {
  return new FastifyAdapter({
    trustProxy: app.trustProxy,
    bodyLimit: BODY_LIMIT_BYTES,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 1024 },
    genReqId: requestId,
    // node's own limit for receiving a whole request (Fastify's default is none): a slow client cannot hold
    // a connection open for ever
    requestTimeout: 300_000,
    // no Nest middleware runs on this server (the hooks below do that work), so no middleware layer
    skipMiddie: true,
  });
}

/** Everything main.ts and the e2e tests configure identically on the HTTP app, before `init()`. */
export async function setupApp(app: INestApplication): Promise<void> {
  const nest = app as NestFastifyApplication;
  const server = nest.getHttpAdapter().getInstance();
  const config = app.get(ConfigService<AppConfig, true>);
  app.useLogger(app.get(Logger));
  // Public reads (event, agenda, sessions, agreements summary) from the shared cache, first of all: a hit
  // writes the headers (helmet's too) its entry was filled with, and passes through nothing else.
  app.get(PublicReadCache).install(server);
  installRequestLogging(
    server,
    rootLogger(config.get('app', { infer: true })).child({}, { redact: ['res.headers["set-cookie"]'] }),
    { ignore: (req) => req.url === '/health' },
  );
  parseBodies(nest, server);
  await nest.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        // Over plain http on a LAN address (a venue's Wi-Fi) the browser would otherwise try https and fail.
        upgradeInsecureRequests: null,
        // The web app and the API docs load nothing from elsewhere; Mantine sets inline styles.
        styleSrc: ["'self'", "'unsafe-inline'"],
        fontSrc: ["'self'", 'data:'],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        workerSrc: ["'self'"],
        manifestSrc: ["'self'"],
      },
    },
  });
  // JSON answers gzip'd when asked, then a weak ETag on each (a 304 when the client has it)
  compressJsonReplies(server);
  await nest.register(fastifyEtag, { weak: true });
  // the dashboard before the web app: each brings its own static files, and only the first may decorate a reply
  await mountQueueDashboard(nest);
  if (webAppBuilt()) await serveWebApp(nest);
  app.useGlobalPipes(
    new RoundtableValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      transformOptions: { enableImplicitConversion: false },
      forbidUnknownValues: true,
    }),
  );
  // "Try it out" against the demo: log in with the example body, Authorize with the token, and it is kept
  SwaggerModule.setup('docs', app, buildOpenApiDocument(app), {
    jsonDocumentUrl: 'docs/openapi.json',
    swaggerOptions: { persistAuthorization: true, displayRequestDuration: true },
  });
}

/**
 * The bodies the api reads: JSON (an empty body is `{}`; deeper than MAX_JSON_DEPTH is refused before the
 * validation pipe walks it), url-encoded forms, and CSV or plain text, which is passed on as the request's
 * stream for the handler that reads it (the invitation import) to parse as it arrives and bound itself.
 */
function parseBodies(nest: NestFastifyApplication, server: FastifyInstance): void {
  const adapter = nest.getHttpAdapter() as FastifyAdapter;
  adapter.useBodyParser('application/json', false, { bodyLimit: BODY_LIMIT_BYTES }, (_request, body, done) => {
    if (body.length === 0) return done(null, {});
    let value: unknown;
    try {
      // what Fastify's own parser does (a __proto__ or constructor.prototype key refused), keeping the
      // parser's message, which says where the JSON breaks (Fastify's says only that it is not JSON)
      value = secureJson.parse(body.toString('utf8'), { protoAction: 'error', constructorAction: 'error' });
    } catch (error) {
      return done(Object.assign(error as Error, { statusCode: 400 }), undefined);
    }
    if (jsonDepthExceeds(value, MAX_JSON_DEPTH)) return done(bodyTooDeep(), undefined);
    done(null, value);
  });
  adapter.useBodyParser('application/x-www-form-urlencoded', false, { bodyLimit: BODY_LIMIT_BYTES }, (_r, body, done) =>
    done(null, { ...parseQueryString(body.toString('utf8')) }),
  );
  server.removeContentTypeParser('text/plain');
  server.addContentTypeParser(['text/csv', 'text/plain'], (_request, payload, done) => done(null, payload as Readable));
}
