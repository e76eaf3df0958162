import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import Ajv, { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

/**
 * The api's contract, checked on every response the e2e suites receive
 * through `http()`: the status must be one the document lists for the
 * operation, the media type one it lists for that status, and a JSON body must
 * match its schema, with no property the schema does not name. The document
 * is libs/api-client/openapi.json, which apps/api/src/openapi.spec.ts keeps
 * identical to what the api serves at /docs/openapi.json.
 */

const root = join(__dirname, '../..');
/** Where each test file records what it validated; global-teardown adds them up. */
export const CONTRACT_REPORT_DIR = join(root, 'var/contract');

type Json = Record<string, unknown>;
interface Operation {
  method: string;
  template: string;
  pattern: RegExp;
  params: number;
  responses: Record<string, { content?: Record<string, { schema?: Json }> }>;
}

export interface ContractResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
  text?: string;
}

/** OpenAPI 3.0 schema → JSON Schema as Ajv reads it: `nullable` as a null alternative, closed objects. */
function toJsonSchema(node: unknown, inAllOf = false): unknown {
  if (Array.isArray(node)) return node.map((n) => toJsonSchema(n, inAllOf));
  if (node === null || typeof node !== 'object') return node;
  const schema = { ...(node as Json) };
  delete schema.example;
  delete schema.examples;
  for (const key of ['items', 'additionalProperties', 'not']) {
    if (typeof schema[key] === 'object') schema[key] = toJsonSchema(schema[key]);
  }
  for (const key of ['oneOf', 'anyOf']) if (schema[key]) schema[key] = toJsonSchema(schema[key]);
  // the members of an allOf each see only part of the object: closing them would refuse the rest
  if (schema.allOf) schema.allOf = toJsonSchema(schema.allOf, true);
  if (schema.properties) {
    schema.properties = Object.fromEntries(
      Object.entries(schema.properties as Json).map(([k, v]) => [k, toJsonSchema(v)]),
    );
    if (!inAllOf && schema.additionalProperties === undefined) schema.additionalProperties = false;
  }
  if (schema.nullable === true) {
    delete schema.nullable;
    return { anyOf: [schema, { type: 'null' }] };
  }
  delete schema.nullable;
  return schema;
}

function loadOperations(): { ajv: Ajv; operations: Operation[] } {
  const document = JSON.parse(readFileSync(join(root, 'libs/api-client/openapi.json'), 'utf8')) as {
    paths: Record<string, Record<string, unknown>>;
    components: { schemas: Json };
  };
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addFormat('binary', true);
  const schemas = Object.fromEntries(
    Object.entries(document.components.schemas).map(([name, schema]) => [name, toJsonSchema(schema)]),
  );
  ajv.addSchema({ $id: 'openapi.json', components: { schemas } });
  const operations: Operation[] = [];
  for (const [template, item] of Object.entries(document.paths)) {
    for (const [method, op] of Object.entries(item)) {
      const responses = (op as { responses?: Operation['responses'] }).responses;
      if (!responses) continue;
      const source = template
        .split(/\{\w+\}/)
        .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
        .join('[^/]+');
      operations.push({
        method,
        template,
        pattern: new RegExp(`^${source}$`),
        params: (template.match(/\{/g) ?? []).length,
        responses,
      });
    }
  }
  // a literal segment wins over a parameter: /registrations.csv before /registrations/{id}
  operations.sort((a, b) => a.params - b.params);
  return { ajv, operations };
}

let loaded: ReturnType<typeof loadOperations> | undefined;
const validators = new Map<string, ValidateFunction>();
const tally = { validated: 0, outside: 0, operations: new Set<string>() };

function validatorFor(ajv: Ajv, key: string, schema: Json): ValidateFunction {
  let validate = validators.get(key);
  if (!validate) {
    const rewritten = JSON.parse(
      JSON.stringify(toJsonSchema(schema)).replace(/"#\/components\/schemas\//g, '"openapi.json#/components/schemas/'),
    ) as Json;
    validate = ajv.compile(rewritten);
    validators.set(key, validate);
  }
  return validate;
}

/**
 * Checks one response against the document; returns the problems (none: it
 * conforms). A path the document does not describe (static files, /docs, an
 * unknown route) is counted as outside the contract.
 */
export function contractProblems(method: string, url: string, res: ContractResponse): string[] {
  loaded ??= loadOperations();
  const path = new URL(url, 'http://api.invalid').pathname;
  const verb = method.toLowerCase();
  const operation = loaded.operations.find((op) => op.method === verb && op.pattern.test(path));
  if (!operation) {
    tally.outside++;
    return [];
  }
  tally.validated++;
  tally.operations.add(`${verb.toUpperCase()} ${operation.template}`);
  const where = `${verb.toUpperCase()} ${operation.template} → ${res.status}`;
  const documented = operation.responses[String(res.status)] ?? operation.responses.default;
  if (!documented) {
    return [
      `${where}: status not documented (documented: ${Object.keys(operation.responses).join(', ')}); body ${JSON.stringify(res.body)?.slice(0, 300)}`,
    ];
  }
  const content = documented.content;
  const type = String(res.headers['content-type'] ?? '')
    .split(';')[0]
    .trim();
  if (!content || Object.keys(content).length === 0) {
    const empty = res.status === 204 || (res.text ?? '') === '' || res.body === undefined;
    return empty ? [] : [`${where}: the document declares no body, the response has one (${type})`];
  }
  const media = content[type];
  if (!media) return [`${where}: media type ${type || '(none)'} not documented (${Object.keys(content).join(', ')})`];
  if (type !== 'application/json' || !media.schema) return [];
  const validate = validatorFor(loaded.ajv, `${operation.method} ${operation.template} ${res.status}`, media.schema);
  if (validate(res.body)) return [];
  return [
    `${where}: body does not match the schema: ${(validate.errors ?? [])
      .slice(0, 5)
      .map((e) => `${e.instancePath || '/'} ${e.message ?? ''}${e.params ? ` ${JSON.stringify(e.params)}` : ''}`)
      .join('; ')}\nbody: ${JSON.stringify(res.body)?.slice(0, 600)}`,
  ];
}

/** Throws when a response breaks the contract (used as a supertest assertion). */
export function assertContract(method: string, url: string, res: ContractResponse): void {
  const problems = contractProblems(method, url, res);
  if (problems.length > 0) throw new Error(`OpenAPI contract: ${problems.join('\n')}`);
}

/** What this test file validated, written once it ends for global-teardown to add up. */
export function recordContractTally(testPath: string): void {
  if (tally.validated + tally.outside === 0) return;
  mkdirSync(CONTRACT_REPORT_DIR, { recursive: true });
  writeFileSync(
    join(CONTRACT_REPORT_DIR, `${basename(testPath)}.json`),
    JSON.stringify({ validated: tally.validated, outside: tally.outside, operations: [...tally.operations] }),
  );
}
