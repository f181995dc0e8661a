/**
 * A copy of a JSON answer without the fields at the given paths: `a.b` a field of an object,
 * `a[].b` that field in every element of the array `a`, `[].b` in every element of an answer that is a list. Paths that are not there change nothing.
 */
export function omitFields(body: unknown, paths: readonly string[]): unknown {
  const copy = structuredClone(body);
  for (const path of paths) omitPath(copy, path.split('.'));
  return copy;
}

/** Removes the field at `steps` from `node`, in place. */
function omitPath(node: unknown, steps: string[]): void {
  if (node === null || typeof node !== 'object' || steps.length === 0) return;
  const [step, ...rest] = steps;
  const each = step.endsWith('[]');
  const record = node as Record<string, unknown>;
  const key = each ? step.slice(0, -2) : step;
  if (!each && rest.length === 0) delete record[key];
  else if (!each) omitPath(record[key], rest);
  else {
    const items = key === '' ? node : record[key];
    if (Array.isArray(items)) for (const item of items) omitPath(item, rest);
  }
}
