import { ValueTransformer } from 'typeorm';

/**
 * JSON stored as LONGTEXT and parsed here: MariaDB's JSON type is LONGTEXT
 * anyway, raw queries return it as a string there, and `synchronize` has been
 * seen dropping real JSON columns. One representation on both servers.
 */
export const jsonText: ValueTransformer = {
  to: (value: unknown) => (value === undefined ? undefined : value === null ? null : JSON.stringify(value)),
  from: (value: unknown): unknown => (typeof value === 'string' ? JSON.parse(value) : (value ?? null)),
};
