/**
 * An event's records stop short of this many bytes (by a cheap upper bound): NATS refuses a message
 * over its max_payload (1 MiB by default), and such an event would never be delivered.
 */
export const EVENT_BYTES = 512 * 1024;

/** Records in order, cut at `maxRecords` records or `maxBytes`, whichever comes first (never an empty chunk). */
export function eventChunks<C>(records: C[], maxRecords = Infinity, maxBytes = EVENT_BYTES): C[][] {
  const chunks: C[][] = [];
  let chunk: C[] = [];
  let bytes = 0;
  for (const record of records) {
    const size = jsonBytesAtMost(record);
    if (chunk.length > 0 && (chunk.length >= maxRecords || bytes + size > maxBytes)) {
      chunks.push(chunk);
      chunk = [];
      bytes = 0;
    }
    chunk.push(record);
    bytes += size;
  }
  if (chunk.length > 0) chunks.push(chunk);
  return chunks;
}

/**
 * A record's JSON size in bytes, without serialising it: 3 bytes a UTF-16 unit is the most UTF-8
 * needs; a control character escaped as \u0001 takes 6, which the halved limit (1 MiB / 2) absorbs.
 */
function jsonBytesAtMost(value: unknown): number {
  if (typeof value === 'string') return 3 * value.length + 2;
  if (Array.isArray(value)) return value.reduce<number>((sum, item) => sum + jsonBytesAtMost(item) + 1, 2);
  if (value !== null && typeof value === 'object') {
    let sum = 2;
    for (const [key, item] of Object.entries(value)) sum += key.length + 4 + jsonBytesAtMost(item);
    return sum;
  }
  return 24; // number, boolean, null
}
