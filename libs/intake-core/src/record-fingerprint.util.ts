import { createHash } from 'crypto';
import { RecordByKind, SourceKind } from './intake.model';

/** JSON with keys sorted and dates as ISO strings, so equal content always gives equal text. */
function canonical(value: unknown): string {
  if (value instanceof Date) return JSON.stringify(Number.isNaN(value.getTime()) ? null : value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.keys(value)
      .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * A stable SHA-256 (hex) of a validated record's content, including its update time: the contract's
 * "identical record twice" is a duplicate, while a newer version differs at least in `updatedAt`.
 */
export function recordFingerprint<K extends SourceKind>(kind: K, record: RecordByKind[K]): string {
  return createHash('sha256').update(kind).update('\n').update(canonical(record)).digest('hex');
}
