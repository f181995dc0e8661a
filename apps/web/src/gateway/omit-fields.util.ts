/**
 * A copy of a JSON answer without the fields at the given paths: `a.b` a field of an object,
 * `a[].b` that field in every element of the array `a`. Paths that are not there change nothing.
 */
export function omitFields(body: unknown, paths: readonly string[]): unknown {
  let copy = structuredClone(body);
  for (const path of paths) copy = omitPath(copy, path.split('.'));
  return copy;
}

function omitPath(node: unknown, steps: string[]): unknown {
  if (node === null || typeof node !== 'object' || steps.length === 0) return node;
  const [step, ...rest] = steps;
  const each = step.endsWith('[]');
  const key = each ? step.slice(0, -2) : step;
  const record = node as Record<string, unknown>;
  if (!(key in record)) return node;
  if (rest.length === 0 && !each) {
    delete record[key];
  } else if (each && Array.isArray(record[key])) {
    record[key] = (record[key] as unknown[]).map((item) => (rest.length ? omitPath(item, rest) : item));
  } else if (!each) {
    record[key] = omitPath(record[key], rest);
  }
  return node;
}
