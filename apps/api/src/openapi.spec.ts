import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { OpenAPIObject } from '@nestjs/swagger';
import { compileErrors, validate } from '@readme/openapi-parser';
import { TS_NODE_ARGS } from '../../../test/support/worker-process';
import { openApiDocumentOffline } from './openapi';

const root = join(__dirname, '../../..');

describe('the OpenAPI document', () => {
  let document: OpenAPIObject;

  beforeAll(async () => {
    document = await openApiDocumentOffline();
  });

  it('is a valid OpenAPI 3 document', async () => {
    const result = await validate(structuredClone(document) as Parameters<typeof validate>[0]);
    expect(result.valid ? '' : compileErrors(result)).toBe('');
  });

  it('matches the committed client in libs/api-client (run `npm run api:client` when this fails)', async () => {
    // a child process: openapi-typescript loads ES modules that Jest's module system cannot
    const run = promisify(execFile)(
      process.execPath,
      // ts-node's transpile-only with its output cached across the run's processes, as the tests' api processes
      [...TS_NODE_ARGS, 'apps/api/src/generate-api-client.ts', '--check'],
      { cwd: root },
    );
    await expect(run).resolves.toMatchObject({ stdout: 'libs/api-client is up to date\n' });
  });
});
