import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { generateSigningKey } from '@tianping/audit-log';
import { listenTestApp, requestJson } from '@tianping/testing';
import { OversightModule } from '../../../apps/oversight/src/oversight.module';
import { projectionsSettled, startScoringOnCity, type ScoringHarness } from '../scoring/scoring-app.harness';

export interface Reply<T> {
  status: number;
  body: T;
}

export interface SuiteHarness {
  scoring: ScoringHarness;
  oversight: { app: NestExpressApplication; baseUrl: string };
  /** JSON over HTTP to a running app. */
  call: <T = unknown>(baseUrl: string, method: string, path: string, body?: unknown) => Promise<Reply<T>>;
  close: () => Promise<void>;
}

/**
 * A generated city ingested by the real intake, the real scoring service projecting it, and the real
 * oversight service with its own signing key: one database, one nats-server, as deployed.
 */
export async function startScoringAndOversight(city: { enterprises: number; years: number; seed: number }): Promise<SuiteHarness> {
  const scoring = await startScoringOnCity(city);
  const keyFile = join(mkdtempSync(join(tmpdir(), 'tianping-audit-key-')), 'audit-signing-key.pem');
  writeFileSync(keyFile, generateSigningKey().privateKeyPem, { mode: 0o600 });
  process.env.TIANPING_AUDIT_KEY_FILE = keyFile;
  const oversight = await listenTestApp(OversightModule);
  await projectionsSettled(scoring);
  return {
    scoring,
    oversight,
    call: requestJson,
    close: async () => {
      await oversight.app.close();
      await scoring.close();
    },
  };
}
