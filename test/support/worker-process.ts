import { ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';

/**
 * Node arguments that run a .ts entry point the way `ts-node/register/transpile-only` would, but with each
 * file's output cached on disk (test/support/ts-register.js): a start-up costs about 1 s of CPU instead of 5.
 */
export const TS_NODE_ARGS = ['-r', resolve(__dirname, 'ts-register.js'), '-r', 'tsconfig-paths/register'];

/**
 * Starts `script` (a .ts source under ts-node, or a built .js file) against this run's database and
 * Redis; resolves once it prints `ready`.
 */
export async function startProcess(
  script: string,
  ready: string,
  env: Record<string, string>,
  args: string[] = [],
  timeoutMs = 60_000,
  options: { onOutput?: (text: string) => void; nodeArgs?: string[] } = {},
): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    [...(options.nodeArgs ?? []), ...(script.endsWith('.js') ? [script, ...args] : [...TS_NODE_ARGS, script, ...args])],
    {
      cwd: resolve(__dirname, '../..'),
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => options.onOutput?.(chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => options.onOutput?.(chunk.toString()));
  await new Promise<void>((started, fail) => {
    const timer = setTimeout(() => fail(new Error(`${script} did not start: ${output}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes(ready)) {
        clearTimeout(timer);
        started();
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => fail(new Error(`${script} exited with ${code}: ${output}`)));
  });
  return child;
}

/** The built apps (`nest build api`, `nest build worker`): what `npm run start:prod` runs, without ts-node in the process. */
export const BUILT_API = 'dist/apps/api/apps/api/src/main.js';
export const BUILT_WORKER = 'dist/apps/worker/apps/worker/src/main.js';

/**
 * A real worker process (apps/worker/src/main.ts, or the built `script`), so a test can SIGKILL it mid-send or
 * run several.
 */
export const startWorkerProcess = (
  env: Record<string, string>,
  options: { script?: string; timeoutMs?: number; nodeArgs?: string[] } = {},
): Promise<ChildProcess> =>
  startProcess(options.script ?? 'apps/worker/src/main.ts', 'Roundtable worker is up', env, [], options.timeoutMs, {
    nodeArgs: options.nodeArgs,
  });

/**
 * A real api process (apps/api/src/main.ts, or the built `script`) listening on `port`; with `allInOne` it runs
 * the worker too, as `npm start` does. Ready once it prints its URLs (after migrations and, when DEMO_SEED asks,
 * the demo).
 */
export const startApiProcess = (
  port: number,
  env: Record<string, string>,
  options: {
    allInOne?: boolean;
    timeoutMs?: number;
    onOutput?: (text: string) => void;
    nodeArgs?: string[];
    script?: string;
  } = {},
): Promise<ChildProcess> =>
  startProcess(
    options.script ?? 'apps/api/src/main.ts',
    'is up:',
    { ...env, PORT: String(port), PUBLIC_URL: `http://127.0.0.1:${port}` },
    options.allInOne ? ['--all-in-one'] : [],
    options.timeoutMs,
    { onOutput: options.onOutput, nodeArgs: options.nodeArgs },
  );

/** What a process printed (stdout and stderr together) and how it ended. */
export interface ProcessRun {
  output: string;
  code: number | null;
}

/**
 * Runs apps/<app>/src/main.ts until it exits by itself (a start-up that must fail), or until
 * `timeoutMs`, when it is killed and `code` is null.
 */
export async function runUntilExit(
  app: 'api' | 'worker',
  env: Record<string, string>,
  args: string[] = [],
  timeoutMs = 60_000,
): Promise<ProcessRun> {
  const child = spawn(process.execPath, [...TS_NODE_ARGS, `apps/${app}/src/main.ts`, ...args], {
    cwd: resolve(__dirname, '../..'),
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const code = await new Promise<number | null>((done) => child.once('exit', (c) => done(c)));
  clearTimeout(timer);
  return { output, code };
}

/** Stops a process (SIGKILL unless told otherwise) and waits for it to exit; one already gone is left be. */
export async function kill(child: ChildProcess, signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill(signal);
  await exited;
}
