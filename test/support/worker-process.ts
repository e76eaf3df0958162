import { ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';

/** Starts `script` under ts-node against this run's database and Redis; resolves once it prints `ready`. */
async function startProcess(
  script: string,
  ready: string,
  env: Record<string, string>,
  args: string[] = [],
  timeoutMs = 60_000,
): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', script, ...args],
    {
      cwd: resolve(__dirname, '../..'),
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
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

/** A real worker process (apps/worker/src/main.ts), so a test can SIGKILL it mid-send or run several. */
export const startWorkerProcess = (env: Record<string, string>): Promise<ChildProcess> =>
  startProcess('apps/worker/src/main.ts', 'Roundtable worker is up', env);

/**
 * A real api process (apps/api/src/main.ts) listening on `port`; with `allInOne` it runs the worker too, as
 * `npm start` does. Ready once it prints its URLs (after migrations and, when DEMO_SEED asks, the demo).
 */
export const startApiProcess = (
  port: number,
  env: Record<string, string>,
  options: { allInOne?: boolean; timeoutMs?: number } = {},
): Promise<ChildProcess> =>
  startProcess(
    'apps/api/src/main.ts',
    'is up:',
    { ...env, PORT: String(port), PUBLIC_URL: `http://127.0.0.1:${port}` },
    options.allInOne ? ['--all-in-one'] : [],
    options.timeoutMs,
  );

export async function kill(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGKILL');
  await exited;
}
