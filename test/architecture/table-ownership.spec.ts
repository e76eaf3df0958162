/**
 * One owner per table. Every table belongs to the lib that declares its
 * entity (or, for a table without one, to the lib named in ENTITYLESS). No
 * other lib's source may name it in SQL or reach it through a repository of
 * its entity: a lib that needs another's data asks that lib's exported lookup
 * (UserLookupService, DelegateLookupService, MeetingLookupService, ...).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const MIGRATIONS = join(ROOT, 'libs/database/src/migrations');

/** Tables created by migrations that have no entity class: the lib that alone reads and writes them. */
const ENTITYLESS: Record<string, string> = {
  directory_entries: 'registrations',
  directory_terms: 'registrations',
  meeting_seats: 'meetings',
  meeting_slot_locks: 'meetings',
  agreement_entries: 'agreements',
  agreement_ledger_heads: 'agreements',
  agreement_ledger_checks: 'agreements',
  recommendation_concepts: 'recommendations',
  recommendation_dirty: 'recommendations',
  recommendation_events: 'recommendations',
  recommendation_pairs: 'recommendations',
  recommendation_profiles: 'recommendations',
  recommendation_watermark: 'recommendations',
};

/**
 * Sources exempt from the rule, each with its reason. The demo seed loads a
 * whole forum (users, companies, registrations, agenda, requests) in bulk
 * inserts, as fixtures do; it runs once on an empty database and serves no
 * request.
 */
const EXEMPT_LIBS = new Set(['demo']);

export interface Ownership {
  /** table → owning lib */
  tables: Map<string, string>;
  /** entity class name → its table */
  entities: Map<string, string>;
}

export interface Violation {
  file: string;
  line: number;
  lib: string;
  table: string;
  owner: string;
  via: string;
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return path === MIGRATIONS ? [] : sources(path);
    return name.endsWith('.ts') && !name.endsWith('.spec.ts') ? [path] : [];
  });
}

const libOf = (file: string): string => relative(ROOT, file).split('/')[1];

/** Comments out, strings kept (SQL lives in strings). */
const withoutComments = (text: string): string =>
  text.replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' ')).replace(/(^|[^:'"`])\/\/.*$/gm, '$1');

/** The owner map: entities declared in each lib, plus the entity-less tables the migrations create. */
export function ownership(): Ownership {
  const tables = new Map<string, string>();
  const entities = new Map<string, string>();
  for (const file of sources(join(ROOT, 'libs'))) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/@Entity\('([a-z_]+)'\)[\s\S]*?export class (\w+)/g)) {
      const owner = tables.get(m[1]);
      if (owner && owner !== libOf(file)) throw new Error(`table ${m[1]} has entities in ${owner} and ${libOf(file)}`);
      tables.set(m[1], libOf(file));
      entities.set(m[2], m[1]);
    }
  }
  for (const [table, lib] of Object.entries(ENTITYLESS)) if (!tables.has(table)) tables.set(table, lib);
  return { tables, entities };
}

/** Every table the migrations create. */
export function migratedTables(): string[] {
  const names = new Set<string>();
  for (const name of readdirSync(MIGRATIONS)) {
    const text = readFileSync(join(MIGRATIONS, name), 'utf8');
    for (const m of text.matchAll(/CREATE TABLE\s+(?:IF NOT EXISTS\s+)?`?([a-z_]+)`?/g)) names.add(m[1]);
  }
  return [...names].sort();
}

const REPOSITORY_USE =
  /\b(getRepository|InjectRepository|createQueryBuilder|innerJoin|leftJoin|innerJoinAndSelect|leftJoinAndSelect|from|find|findOne|findBy|findOneBy|findOneByOrFail|count|countBy|exists|existsBy|insert|update|delete|save|upsert|increment|decrement)\(\s*([A-Z]\w*)\b/g;
const SQL_TABLE = /\b(?:FROM|JOIN|UPDATE|INTO|TABLE)\s+`?([a-z_]+)`?/g;

/** What a lib's source names of tables it does not own, in SQL or through a foreign entity's repository. */
export function violationsIn(file: string, lib: string, text: string, own: Ownership): Violation[] {
  const found: Violation[] = [];
  const lines = withoutComments(text).split('\n');
  lines.forEach((line, i) => {
    for (const m of line.matchAll(SQL_TABLE)) {
      const owner = own.tables.get(m[1]);
      if (owner && owner !== lib) found.push({ file, line: i + 1, lib, table: m[1], owner, via: m[0].trim() });
    }
    for (const m of line.matchAll(REPOSITORY_USE)) {
      const table = own.entities.get(m[2]);
      const owner = table ? own.tables.get(table) : undefined;
      if (table && owner && owner !== lib)
        found.push({ file, line: i + 1, lib, table, owner, via: `${m[1]}(${m[2]})` });
    }
  });
  return found;
}

describe('one owner per table', () => {
  const own = ownership();

  it('knows the owner of every table the migrations create', () => {
    expect(migratedTables().filter((t) => !own.tables.has(t))).toEqual([]);
  });

  it('catches a lib naming another lib’s table, in SQL or through a repository', () => {
    const sample = [
      "await em.query('SELECT u.name FROM registrations r JOIN users u ON u.id = r.user_id');",
      'const users = await em.getRepository(User).findBy({ id });',
      "await em.query('SELECT 1 FROM meetings WHERE id = ?', [id]); // our own",
    ].join('\n');
    const found = violationsIn('x.ts', 'meetings', sample, own).map((v) => `${v.line} ${v.table} ${v.owner}`);
    expect(found).toEqual(['1 registrations registrations', '1 users auth', '2 users auth']);
  });

  it('finds no lib that names another lib’s table', () => {
    const files = [
      ...sources(join(ROOT, 'libs')),
      ...sources(join(ROOT, 'apps/api/src')),
      ...sources(join(ROOT, 'apps/worker/src')),
    ];
    const violations = files
      .filter((f) => !EXEMPT_LIBS.has(libOf(f)))
      .flatMap((f) =>
        violationsIn(
          relative(ROOT, f),
          f.startsWith(join(ROOT, 'libs')) ? libOf(f) : 'app',
          readFileSync(f, 'utf8'),
          own,
        ),
      )
      .map((v) => `${v.file}:${v.line} (${v.lib}) ${v.via}: table ${v.table} belongs to ${v.owner}`);
    expect(violations).toEqual([]);
  });
});
