import { hash } from 'node:crypto';
import { RecordByKind, SourceKind } from './intake.model';

/**
 * A stable SHA-256 (hex) of a validated record's content, including its update time: the contract's
 * "identical record twice" is a duplicate, while a newer version differs at least in `updatedAt`.
 * The text hashed is the record as JSON with its keys sorted (records are flat: values are scalars,
 * dates, which print as ISO strings, and arrays of scalars), so equal content always gives equal text.
 * One JSON.stringify with the sorted keys as its allow-list: fingerprints are taken for every record ingested.
 */
export function recordFingerprint<K extends SourceKind>(kind: K, record: RecordByKind[K]): string {
  return hash('sha256', `${kind}\n${JSON.stringify(record, Object.keys(record).sort())}`, 'hex');
}
