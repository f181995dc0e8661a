/** A value that survives a JSON round trip unchanged. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/**
 * Deterministic JSON: object keys sorted by UTF-16 code units (as RFC 8785 does), no whitespace,
 * numbers and strings as JSON.stringify writes them. Equal values always give equal bytes, so an
 * entry's hash can be recomputed from what was stored.
 *
 * Properties whose value is undefined are left out, as JSON.stringify does; anything that JSON
 * cannot carry faithfully (NaN, Infinity, bigint, functions, cycles) is refused rather than guessed.
 */
export function canonicalJson(value: unknown): string {
  return write(value, new Set<object>());
}

function write(value: unknown, ancestors: Set<object>): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError('canonicalJson: non-finite number');
      return JSON.stringify(value);
    case 'object':
      return writeObject(value, ancestors);
    default:
      throw new TypeError(`canonicalJson: cannot serialise a ${typeof value}`);
  }
}

function writeObject(value: object, ancestors: Set<object>): string {
  // Dates and similar carry their own JSON form; honour it so stored and fresh values agree.
  const withToJson = value as { toJSON?: () => unknown };
  if (typeof withToJson.toJSON === 'function') return write(withToJson.toJSON(), ancestors);
  if (ancestors.has(value)) throw new TypeError('canonicalJson: cyclic structure');
  ancestors.add(value);
  try {
    if (Array.isArray(value)) {
      // Array.from visits holes too (map would skip them and leave '[,1]', which is not JSON).
      return '[' + Array.from(value, (item) => (item === undefined ? 'null' : write(item, ancestors))).join(',') + ']';
    }
    const record = value as Record<string, unknown>;
    const parts: string[] = [];
    for (const key of Object.keys(record).sort()) {
      const item = record[key];
      if (item === undefined) continue;
      parts.push(JSON.stringify(key) + ':' + write(item, ancestors));
    }
    return '{' + parts.join(',') + '}';
  } finally {
    ancestors.delete(value);
  }
}
