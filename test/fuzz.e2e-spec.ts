import { INestApplication } from '@nestjs/common';
import { OpenAPIObject } from '@nestjs/swagger';
import { newId } from '@roundtable/common';
import { Event } from '@roundtable/events';
import fc from 'fast-check';
import { DataSource } from 'typeorm';
import { buildOpenApiDocument } from '../apps/api/src/openapi';
import { createTestApp, http } from './support/app';
import { createDelegate } from './support/domain-factories';
import { createEvent } from './support/event-api';
import { createUser, TestUser } from './support/factories';

/** Cases per operation: bounded so the whole run stays around a minute on the shared 2-core machine. */
const CASES = Number(process.env.FUZZ_CASES ?? 12);
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 1_000_000);

type Schema = {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  minimum?: number;
  maximum?: number;
  maxLength?: number;
  items?: Schema;
  properties?: Record<string, Schema>;
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
};
interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  schema?: Schema;
}
interface Operation {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  parameters: Parameter[];
  body?: Schema;
}

const cursorOf = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const nested = (depth: number): unknown => {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
};

/** Cursors that decode to JSON of the wrong shape. */
const badCursor = fc
  .oneof(
    {
      weight: 3,
      arbitrary: fc.constantFrom(['1 OR 1=1'], ['x', 'y'], [1.5, null], [-1], ['2027-06-10T00:00:00.000Z', "' OR 1"]),
    },
    { weight: 1, arbitrary: fc.array(fc.oneof(fc.string(), fc.integer(), fc.double()), { maxLength: 3 }) },
  )
  .map(cursorOf);

/** Values no field expects: wrong types, huge and hostile strings, deep or odd structures. */
const hostile: fc.Arbitrary<unknown> = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 50 }),
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    '\r\nBcc: x@evil.example',
    "' OR 1=1 --",
    '2027-13-45T99:00:00Z',
    '0000-00-00T00:00:00Z',
    '9999-12-31T23:59:59+14:00',
    'NaN',
    '-1',
    '1e309',
    '../../etc/passwd',
    '%',
    'x'.repeat(10_000),
    '00000000-0000-0000-0000-000000000000',
  ),
  fc.integer(),
  fc.double(),
  fc.constantFrom(Number.MAX_SAFE_INTEGER + 2, -0, 1e308),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string(), { maxLength: 4 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.string(), { maxKeys: 3 }),
  fc.constant({ __proto__: { polluted: true } }),
  fc.constantFrom(nested(40), nested(300)), // 10,000 deep: test/malformed-input.e2e-spec.ts
);

/** Mostly well-typed values from the schema, with hostile ones mixed in at every level. */
function fromSchema(doc: OpenAPIObject, schema: Schema | undefined, depth = 0): fc.Arbitrary<unknown> {
  if (!schema || depth > 4) return hostile;
  if (schema.$ref) return fromSchema(doc, resolve(doc, schema.$ref), depth);
  const options = schema.allOf ?? schema.oneOf ?? schema.anyOf;
  if (options) return fc.oneof(...options.map((s) => fromSchema(doc, s, depth + 1)));
  let typed: fc.Arbitrary<unknown>;
  if (schema.enum) typed = fc.constantFrom(...schema.enum);
  else if (schema.type === 'object' || schema.properties) {
    const props = Object.entries(schema.properties ?? {});
    typed = fc
      .tuple(
        fc.record(Object.fromEntries(props.map(([k, s]) => [k, fromSchema(doc, s, depth + 1)])), { requiredKeys: [] }),
        fc.dictionary(fc.string({ maxLength: 10 }), hostile, { maxKeys: 2 }),
      )
      .map(([known, extra]) => ({ ...extra, ...known }));
  } else if (schema.type === 'array') typed = fc.array(fromSchema(doc, schema.items, depth + 1), { maxLength: 4 });
  else if (schema.type === 'integer') typed = fc.integer({ min: schema.minimum ?? -5, max: schema.maximum ?? 10_000 });
  else if (schema.type === 'number') typed = fc.double({ noNaN: true });
  else if (schema.type === 'boolean') typed = fc.boolean();
  else if (schema.format === 'date-time') typed = fc.date({ noInvalidDate: true }).map((d) => d.toISOString());
  else typed = fc.string({ maxLength: Math.min(schema.maxLength ?? 40, 40) });
  return fc.oneof({ weight: 3, arbitrary: typed }, { weight: 1, arbitrary: hostile });
}

function resolve(doc: OpenAPIObject, ref: string): Schema {
  return ref
    .replace(/^#\//, '')
    .split('/')
    .reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], doc) as Schema;
}

function operationsOf(doc: OpenAPIObject): Operation[] {
  const ops: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of ['get', 'post', 'put', 'patch', 'delete'] as const) {
      const op = item[method];
      if (!op) continue;
      const content = (op.requestBody as { content?: Record<string, { schema?: Schema }> } | undefined)?.content;
      ops.push({
        method,
        path,
        parameters: (op.parameters ?? []) as Parameter[],
        body: content?.['application/json']?.schema,
      });
    }
  }
  // what ends an event, a session or a meeting goes last, so earlier operations meet a live event
  const destructive = (o: Operation) => (o.method === 'delete' || /\/(cancel|close|withdraw)$/.test(o.path) ? 1 : 0);
  return ops.sort((a, b) => destructive(a) - destructive(b));
}

describe('fuzzing every operation of the OpenAPI document', () => {
  let app: INestApplication;
  let doc: OpenAPIObject;
  let organiser: TestUser;
  let delegate: TestUser;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    app = await createTestApp();
    doc = buildOpenApiDocument(app);
    organiser = await createUser(app);
    const created = await createEvent(app, organiser);
    const event = await app.get(DataSource).getRepository(Event).findOneByOrFail({ id: created.id });
    const mine = await createDelegate(app, event);
    const other = await createDelegate(app, event);
    delegate = mine.user;
    Object.assign(ids, {
      eventId: event.id,
      registrationId: mine.registration.id,
      userId: other.user.id,
    });
  });
  afterAll(() => app.close());

  it('never answers 5xx to malformed bodies, path parameters and queries', async () => {
    const operations = operationsOf(doc);
    expect(operations.length).toBeGreaterThan(50);
    const failures: string[] = [];
    let requests = 0;
    for (const op of operations) {
      const pathParams = op.parameters.filter((p) => p.in === 'path');
      const queryParams = op.parameters.filter((p) => p.in === 'query');
      const caseArb = fc.record({
        path: fc.record(
          Object.fromEntries(
            pathParams.map((p) => [
              p.name,
              fc.oneof(
                { weight: 3, arbitrary: fc.constant(ids[p.name] ?? newId()) },
                { weight: 1, arbitrary: fc.constant(newId()) },
                { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 80 }) },
              ),
            ]),
          ),
        ),
        query: fc.record(
          Object.fromEntries(
            queryParams.map((p) => [
              p.name,
              p.name === 'cursor'
                ? fc.oneof({ weight: 3, arbitrary: badCursor }, { weight: 1, arbitrary: hostile })
                : fromSchema(doc, p.schema),
            ]),
          ),
          { requiredKeys: [] },
        ),
        body: op.body ? fromSchema(doc, op.body) : fc.option(hostile),
        as: fc.oneof(
          { weight: 3, arbitrary: fc.constant('organiser') },
          { weight: 2, arbitrary: fc.constant('delegate') },
          { weight: 1, arbitrary: fc.constant('anonymous') },
        ),
      });
      await fc
        .assert(
          fc.asyncProperty(caseArb, async (c) => {
            const url = op.path.replace(/\{(\w+)\}/g, (_, name: string) =>
              encodeURIComponent(String((c.path as Record<string, unknown>)[name])),
            );
            const query = Object.fromEntries(
              Object.entries(c.query as Record<string, unknown>).map(([k, v]) => [
                k,
                typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v),
              ]),
            );
            let req = http(app)[op.method](url).query(query);
            if (c.as !== 'anonymous')
              req = req.set('Authorization', `Bearer ${(c.as === 'organiser' ? organiser : delegate).token}`);
            if (op.method !== 'get' && c.body !== null && c.body !== undefined)
              req = req.set('Content-Type', 'application/json').send(JSON.stringify(c.body));
            const res = await req;
            requests += 1;
            if (res.status >= 500) {
              const search = new URLSearchParams(query).toString();
              failures.push(
                `${op.method.toUpperCase()} ${url}${search ? `?${search}` : ''} as ${c.as}` +
                  ` with ${JSON.stringify(c.body)?.slice(0, 300)} → ${res.status} ${JSON.stringify(res.body)}`,
              );
            }
            return res.status < 500;
          }),
          { numRuns: CASES, seed: SEED, endOnFailure: true },
        )
        .catch((error: Error) => {
          // a 5xx is already in failures (one run names every failing operation); anything else is a harness error
          if (!failures.some((f) => f.startsWith(`${op.method.toUpperCase()} `))) {
            const lines = error.message.split('\n');
            // a response the OpenAPI document does not describe (test/support/contract.ts) says why
            const contract = lines.find((l) => l.includes('OpenAPI contract'));
            failures.push(
              `${op.method.toUpperCase()} ${op.path}: ${[...lines.slice(0, 3), ...(contract ? [contract] : [])].join(' ')}`,
            );
          }
        });
    }
    process.stdout.write(
      `fuzz: ${operations.length} operations × ${CASES} cases = ${requests} requests (FUZZ_SEED=${SEED})\n`,
    );
    expect(failures).toEqual([]);
  }, 300_000);
});
