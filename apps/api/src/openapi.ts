import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { AppModule } from './app.module';

/** The OpenAPI document of the api: served at /docs/openapi.json and written to libs/api-client by `npm run api:client`. */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  return SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Roundtable API')
      .setDescription('Business roundtable forums: events, agenda, registrations, B2B meetings, agreements.')
      .setVersion('0.1.0')
      .addBearerAuth()
      .build(),
  );
}

/**
 * The document without a database, Redis or SMTP: Nest's preview mode builds
 * the module graph and reads the decorators but instantiates no provider, so
 * nothing connects.
 */
export async function openApiDocumentOffline(): Promise<OpenAPIObject> {
  const app = await NestFactory.create(AppModule.register({ allInOne: false }), {
    preview: true,
    logger: false,
    abortOnError: false,
  });
  try {
    return buildOpenApiDocument(app);
  } finally {
    await app.close();
  }
}
