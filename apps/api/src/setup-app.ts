import { INestApplication } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import { AppConfig } from '@roundtable/config';
import { PublicReadCache } from '@roundtable/events';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { compressJsonReplies } from './compress-json';
import { limitJsonDepth } from './json-depth';
import { buildOpenApiDocument } from './openapi';
import { mountQueueDashboard } from './queue-dashboard';
import { RoundtableValidationPipe } from './validation-pipe';
import { precompressedAssets, webAppBuilt, webAppDir } from './web-app';

/** Everything main.ts and the e2e tests configure identically on the HTTP app. */
export function setupApp(app: INestApplication): void {
  const express = app as NestExpressApplication;
  app.useLogger(app.get(Logger));
  // Only a configured proxy's X-Forwarded-For names the client: otherwise anyone could pick
  // the address the login limiter counts them under.
  express.set('trust proxy', app.get(ConfigService<AppConfig, true>).get('app.trustProxy', { infer: true }));
  express.disable('x-powered-by');
  // JSON answers gzip'd when asked (on the response prototype: the cache below keeps plain bytes and compresses its replays)
  compressJsonReplies(express.getHttpAdapter().getInstance());
  // Public reads (event, agenda, sessions, agreements summary) from the shared cache, first of all: a hit
  // replays the headers (helmet's too) its entry was filled with, and passes through nothing else.
  app.use(app.get(PublicReadCache).middleware());
  express.useBodyParser('json', { limit: '256kb' });
  express.useBodyParser('urlencoded', { limit: '256kb', extended: false });
  app.use(limitJsonDepth);
  app.use(
    helmet({
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
    }),
  );
  if (webAppBuilt()) app.use(precompressedAssets(webAppDir()));
  mountQueueDashboard(app);
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
