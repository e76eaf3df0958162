import { ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import { createConnection, RowDataPacket } from 'mysql2/promise';
import { freePort } from './disposable-redis';

const run = promisify(execFile);
const MARIADBD = process.env.MARIADBD_BIN ?? '/usr/sbin/mariadbd';
const INSTALL_DB = process.env.MARIADB_INSTALL_DB_BIN ?? 'mariadb-install-db';

/** One private mariadbd: its own data directory in a temp dir, its own port on loopback, root without password. */
class MariaDbServer {
  private child: ChildProcess | null = null;

  private constructor(
    readonly port: number,
    private readonly dir: string,
    private readonly args: string[],
  ) {}

  static async start(serverId: number, extra: string[]): Promise<MariaDbServer> {
    const dir = await mkdtemp(join(tmpdir(), `roundtable-mariadb-${serverId}-`));
    const datadir = join(dir, 'data');
    await run(INSTALL_DB, [
      '--no-defaults',
      `--datadir=${datadir}`,
      '--auth-root-authentication-method=normal',
      '--skip-test-db',
      ...(userInfo().uid === 0 ? ['--user=root'] : []),
    ]);
    const server = new MariaDbServer(await freePort(), dir, [
      '--no-defaults',
      `--datadir=${datadir}`,
      `--socket=${join(dir, 'mariadb.sock')}`,
      `--pid-file=${join(dir, 'mariadb.pid')}`,
      '--bind-address=127.0.0.1',
      `--server-id=${serverId}`,
      '--innodb-buffer-pool-size=64M',
      '--innodb-log-file-size=16M',
      '--skip-name-resolve',
      '--character-set-server=utf8mb4',
      '--collation-server=utf8mb4_unicode_ci',
      ...(userInfo().uid === 0 ? ['--user=root'] : []),
      ...extra,
    ]);
    server.child = spawn(MARIADBD, [...server.args, `--port=${server.port}`], { stdio: 'ignore' });
    await server.waitReady();
    return server;
  }

  connect() {
    return createConnection({
      host: '127.0.0.1',
      port: this.port,
      user: 'root',
      password: '',
      multipleStatements: true,
    });
  }

  private async waitReady(timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      try {
        const conn = await this.connect();
        await conn.end();
        return;
      } catch (error) {
        if (Date.now() > deadline || this.child?.exitCode !== null)
          throw new Error(`mariadbd on port ${this.port} did not come up: ${(error as Error).message}`);
        await sleep(200);
      }
    }
  }

  async stop(): Promise<void> {
    const child = this.child;
    this.child = null;
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await Promise.race([exited, sleep(20_000, undefined, { ref: false })]);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    await rm(this.dir, { recursive: true, force: true });
  }
}

/**
 * A MariaDB primary (binary log on) and one replica following it by GTID,
 * both started here as child processes on free ports: what a test needs to
 * see reads going to a replica and writes to the primary, and to make the
 * replica lag on purpose (`pause`, `resume`). Needs mariadb-server installed
 * (mariadbd and mariadb-install-db), nothing else.
 */
export class MariaDbPair {
  private constructor(
    readonly primary: MariaDbServer,
    readonly replica: MariaDbServer,
  ) {}

  static async start(): Promise<MariaDbPair> {
    const primary = await MariaDbServer.start(1, ['--log-bin=mariadb-bin', '--binlog-format=ROW']);
    let replica: MariaDbServer;
    try {
      replica = await MariaDbServer.start(2, ['--read-only=1', '--relay-log=relay-bin']);
    } catch (error) {
      await primary.stop();
      throw error;
    }
    const pair = new MariaDbPair(primary, replica);
    try {
      const conn = await replica.connect();
      try {
        await conn.query(
          `CHANGE MASTER TO MASTER_HOST = '127.0.0.1', MASTER_PORT = ${primary.port}, MASTER_USER = 'root',
             MASTER_PASSWORD = '', MASTER_USE_GTID = slave_pos, MASTER_CONNECT_RETRY = 1`,
        );
        await conn.query('START SLAVE');
      } finally {
        await conn.end();
      }
      await pair.waitUntilCaughtUp();
    } catch (error) {
      await pair.stop();
      throw error;
    }
    return pair;
  }

  /** Stops applying the primary's changes on the replica (it lags from now on). */
  async pause(): Promise<void> {
    await this.onReplica('STOP SLAVE SQL_THREAD');
  }

  async resume(): Promise<void> {
    await this.onReplica('START SLAVE SQL_THREAD');
    await this.waitUntilCaughtUp();
  }

  /** Waits until the replica has applied everything the primary has written so far. */
  async waitUntilCaughtUp(timeoutMs = 60_000): Promise<void> {
    const conn = await this.primary.connect();
    let position: string;
    try {
      const [[row]] = await conn.query<RowDataPacket[]>('SELECT @@gtid_binlog_pos AS pos');
      position = String(row.pos ?? '');
    } finally {
      await conn.end();
    }
    const replica = await this.replica.connect();
    try {
      const [[row]] = await replica.query<RowDataPacket[]>('SELECT MASTER_GTID_WAIT(?, ?) AS r', [
        position,
        timeoutMs / 1000,
      ]);
      if (Number(row.r) !== 0) {
        const [status] = await replica.query<RowDataPacket[]>('SHOW SLAVE STATUS');
        throw new Error(
          `replica did not reach ${position}: ${JSON.stringify(status[0]?.Last_Error ?? status[0]?.Last_IO_Error)}`,
        );
      }
    } finally {
      await replica.end();
    }
  }

  private async onReplica(sql: string): Promise<void> {
    const conn = await this.replica.connect();
    try {
      await conn.query(sql);
    } finally {
      await conn.end();
    }
  }

  async stop(): Promise<void> {
    await this.replica.stop();
    await this.primary.stop();
  }
}
