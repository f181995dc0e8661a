import { decodeExport } from './encoding.util';
import { ClueRecord, Outcome, ParseContext, RawRecord } from './intake.model';
import { validateValues } from './record-validation.util';

export type ClueOutcome = Outcome<ClueRecord>;

/** Keeps every key the platform sent; nested values are kept as their JSON text so quarantine can show them. */
function rawOf(obj: Record<string, unknown>): RawRecord {
  const raw: RawRecord = {};
  for (const [key, value] of Object.entries(obj)) {
    const kept =
      value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : (JSON.stringify(value) ?? null);
    // defineProperty, so a key named __proto__ is kept as data rather than changing the prototype.
    Object.defineProperty(raw, key, { value: kept, enumerable: true, writable: true, configurable: true });
  }
  return raw;
}

/** One clue object as pushed in real time or read from a line. */
export function parseClueValue(value: unknown, line: number, ctx: ParseContext): ClueOutcome {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    const text = JSON.stringify(value) ?? String(value);
    return { ok: false, line, reasons: [{ field: '_json', code: 'not_object', message: 'a clue must be a JSON object' }], raw: text };
  }
  const obj = value as Record<string, unknown>;
  const raw = rawOf(obj);
  const result = validateValues('clues', obj, ctx);
  return result.ok ? { ok: true, line, record: result.record, raw } : { ok: false, line, reasons: result.reasons, raw };
}

/** One line of clues.jsonl; null for a blank line, which holds no record. */
export function parseClueLine(text: string, line: number, ctx: ParseContext): ClueOutcome | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  let value: unknown;
  try {
    value = JSON.parse(trimmed);
  } catch {
    return { ok: false, line, reasons: [{ field: '_json', code: 'invalid_json', message: 'the line is not valid JSON' }], raw: text };
  }
  const outcome = parseClueValue(value, line, ctx);
  // A line holding JSON that is not an object keeps its text as it came.
  return !outcome.ok && typeof outcome.raw === 'string' ? { ...outcome, raw: text } : outcome;
}

/** Parses a Platform B JSON Lines export: one outcome per non-blank line, `line` being its physical line number. */
export function parseCluesJsonl(input: Buffer | string, ctx: ParseContext): ClueOutcome[] {
  const text = typeof input === 'string' ? input.replace(/^\uFEFF/, '') : decodeExport(input).text;
  const outcomes: ClueOutcome[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const outcome = parseClueLine(lines[i], i + 1, ctx);
    if (outcome !== null) outcomes.push(outcome);
  }
  return outcomes;
}

/** Streaming variant: lines are cut as bytes arrive (UTF-8, as the contract states). */
export async function* parseCluesStream(readable: AsyncIterable<Buffer | string>, ctx: ParseContext): AsyncGenerator<ClueOutcome> {
  const decoder = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false });
  let carry = '';
  let line = 0;
  const drain = function* (final: boolean): Generator<ClueOutcome> {
    const parts = carry.split('\n');
    carry = final ? '' : (parts.pop() as string);
    for (const part of parts) {
      line++;
      const outcome = parseClueLine(part, line, ctx);
      if (outcome !== null) yield outcome;
    }
  };
  for await (const chunk of readable) {
    carry += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    yield* drain(false);
  }
  carry += decoder.decode();
  yield* drain(true);
}
