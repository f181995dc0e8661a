import { statSync } from 'node:fs';

/** Refuses a directory of archive files that is not there: `what` names where it was given. */
export function assertArchiveDir(dir: string, what: string): string {
  if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) throw new Error(`${what}: no directory ${dir}`);
  return dir;
}

/**
 * AUDIT_ARCHIVE_DIR: where the service finds the body archive files, so that `POST /api/audit/verify`
 * checks them as `audit verify --archives DIR` does. Unset, none (the response counts the bodies left
 * unchecked). Set to a directory that is not there, the app stops at start, saying so.
 */
export function auditArchiveDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const raw = env.AUDIT_ARCHIVE_DIR?.trim();
  return raw ? assertArchiveDir(raw, 'AUDIT_ARCHIVE_DIR') : undefined;
}
