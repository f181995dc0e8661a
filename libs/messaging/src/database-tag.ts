import type { DataSource } from 'typeorm';

/**
 * Names this database in JetStream message ids. A database dropped and created again numbers its rows
 * (outbox ids, score runs, score ids) from 1 anew; without the tag JetStream would drop the first
 * messages as repeats of the old database's within its duplicate window, and whoever waits on them
 * would wait for ever.
 */
export class DatabaseTag {
  private tag?: Promise<string>;

  constructor(private readonly dataSource: DataSource) {}

  get(): Promise<string> {
    this.tag ??= this.dataSource
      .query(`SELECT oid::text AS oid FROM pg_database WHERE datname = current_database()`)
      .then((rows: { oid: string }[]) => rows[0]?.oid ?? 'db')
      .catch((error: unknown) => {
        // Asked again next time: a failure kept here (PostgreSQL restarting as the app started)
        // would fail every later publish with the same old error.
        this.tag = undefined;
        throw error;
      });
    return this.tag;
  }
}
