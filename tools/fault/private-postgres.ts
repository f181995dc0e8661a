import { spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { waitForPort } from './wait.util';

/** A throwaway PostgreSQL cluster of its own, so a fault run can crash and restart it without touching anyone else's. */
export interface PrivatePostgres {
  port: number;
  /** Its own directory (data and log): a temporary directory of the caller's may not be open to the `postgres` user. */
  dir: string;
  /** The server URL (database `postgres`); name a database with withDatabaseName. */
  url: string;
  /** Stops it the way a crash would (immediate: no checkpoint, WAL recovery on start) and starts it again. */
  restart: () => Promise<void>;
  /** Stops it; removes its directory unless told to keep it. */
  stop: (remove?: boolean) => Promise<void>;
}

/** The Debian binaries (`/usr/lib/postgresql/<major>/bin`), newest major first. */
function postgresBin(): string {
  const root = '/usr/lib/postgresql';
  const majors = existsSync(root) ? readdirSync(root).filter((d) => existsSync(join(root, d, 'bin', 'initdb'))) : [];
  if (majors.length === 0) throw new Error('no PostgreSQL binaries under /usr/lib/postgresql (Debian: apt-get install postgresql)');
  majors.sort((a, b) => Number(b) - Number(a));
  return join(root, majors[0], 'bin');
}

/** initdb and postgres refuse to run as root: as root, they run as the `postgres` user. */
function run(command: string, args: string[]): void {
  const asRoot = process.getuid?.() === 0;
  const result = asRoot
    ? spawnSync('runuser', ['-u', 'postgres', '--', command, ...args], { encoding: 'utf8' })
    : spawnSync(command, args, { encoding: 'utf8' });
  if (result.status !== 0)
    throw new Error(`${command} ${args.join(' ')} failed: ${(result.stderr || result.stdout || String(result.error)).trim().slice(-800)}`);
}

function chownToPostgres(path: string): void {
  if (process.getuid?.() !== 0) return;
  const ids = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
  const gids = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
  if (ids.status !== 0) throw new Error('running as root, but there is no `postgres` user to run PostgreSQL as');
  chownSync(path, Number(ids.stdout.trim()), Number(gids.stdout.trim()));
}

/** initdb into a new temporary directory (trust authentication, loopback only) and start it on `port`. */
export async function startPrivatePostgres(port: number): Promise<PrivatePostgres> {
  const bin = postgresBin();
  const dir = mkdtempSync(join(tmpdir(), 'tianping-fault-pg-'));
  const data = join(dir, 'data');
  chownToPostgres(dir);
  run(join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync']);
  writeFileSync(
    join(data, 'postgresql.auto.conf'),
    [
      `port = ${port}`,
      `listen_addresses = '127.0.0.1'`,
      `unix_socket_directories = '${dir}'`,
      'max_connections = 200',
      'shared_buffers = 128MB',
      // Durability stays on (fsync, synchronous_commit): a crash restart must keep every committed row.
      'fsync = on',
      'logging_collector = off',
    ].join('\n') + '\n',
  );
  chownToPostgres(join(data, 'postgresql.auto.conf'));
  const log = join(dir, 'postgres.log');
  const start = async () => {
    run(join(bin, 'pg_ctl'), ['-D', data, '-l', log, '-w', '-t', '60', 'start']);
    await waitForPort(port, 60_000);
  };
  const stop = (mode: 'immediate' | 'fast') => run(join(bin, 'pg_ctl'), ['-D', data, '-m', mode, '-w', '-t', '60', 'stop']);
  await start();
  return {
    port,
    dir,
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    restart: async () => {
      stop('immediate');
      await start();
    },
    stop: async (remove = true) => {
      try {
        stop('fast');
      } catch {
        // already stopped
      }
      if (remove) rmSync(dir, { recursive: true, force: true });
    },
  };
}
