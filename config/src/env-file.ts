import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/** Reads `./.env` into process.env when it exists; variables already set win. */
export function loadEnvFileIfPresent(path = resolve(process.cwd(), '.env')): void {
  if (existsSync(path)) process.loadEnvFile(path);
}
