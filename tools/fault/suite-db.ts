import { Client, type QueryResultRow } from 'pg';

/** One connection to a run's database that reconnects after a PostgreSQL restart. */
export class SuiteDb {
  private client?: Client;

  constructor(readonly url: string) {}

  async query<R extends QueryResultRow = QueryResultRow>(sql: string, params: unknown[] = []): Promise<R[]> {
    const client = await this.connected();
    try {
      return (await client.query<R>(sql, params)).rows;
    } catch (error) {
      // A broken connection is dropped so the next query opens a new one; SQL errors keep it.
      if (!(error as { code?: string }).code) await this.close();
      throw error;
    }
  }

  private async connected(): Promise<Client> {
    if (this.client) return this.client;
    const client = new Client({ connectionString: this.url });
    client.on('error', () => void this.close());
    await client.connect();
    this.client = client;
    return client;
  }

  async close(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }
}
