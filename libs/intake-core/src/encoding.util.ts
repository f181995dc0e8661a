import * as iconv from 'iconv-lite';

export type ExportEncoding = 'utf-8' | 'utf-8-bom' | 'gb18030';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export function hasUtf8Bom(buf: Uint8Array): boolean {
  return buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf;
}

/**
 * Which encoding a prefix of an export is in. Platform A writes UTF-8 (with or without BOM) or,
 * in older exports, GB18030; GB18030 Chinese is almost never valid UTF-8, so a strict decode decides.
 * `complete` says the prefix is the whole file; otherwise a multi-byte character cut at the end is forgiven.
 */
export function sniffEncoding(prefix: Uint8Array, complete: boolean): ExportEncoding {
  if (hasUtf8Bom(prefix)) return 'utf-8-bom';
  const body = complete ? prefix : prefix.subarray(0, prefix.length - trailingPartialUtf8(prefix));
  try {
    strictUtf8.decode(body);
    return 'utf-8';
  } catch {
    // Not clean UTF-8: GB18030, or UTF-8 with a few damaged bytes. The reading that needs fewer
    // replacement characters wins, so one bad byte does not turn a UTF-8 file into mojibake; the
    // damaged rows are then quarantined (see validateValues), never silently altered.
    const buf = Buffer.from(body.buffer, body.byteOffset, body.byteLength);
    return replacements(buf.toString('utf8')) < replacements(iconv.decode(buf, 'gb18030')) ? 'utf-8' : 'gb18030';
  }
}

function replacements(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\uFFFD'); i !== -1; i = text.indexOf('\uFFFD', i + 1)) n++;
  return n;
}

/** Bytes at the end that start a UTF-8 sequence not yet complete (0 to 3). */
function trailingPartialUtf8(buf: Uint8Array): number {
  for (let back = 1; back <= Math.min(3, buf.length); back++) {
    const byte = buf[buf.length - back];
    if ((byte & 0xc0) === 0x80) continue; // continuation byte: keep looking for the lead
    const need = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return need > back ? back : 0;
  }
  return 0;
}

export function decodeExport(buf: Buffer): { text: string; encoding: ExportEncoding } {
  const encoding = sniffEncoding(buf, true);
  if (encoding === 'utf-8-bom') return { text: buf.toString('utf8', 3), encoding };
  if (encoding === 'utf-8') return { text: buf.toString('utf8'), encoding };
  return { text: iconv.decode(buf, 'gb18030'), encoding };
}

/** A decoder for the chosen encoding that can be fed chunk by chunk (multi-byte characters may straddle chunks). */
export function createChunkDecoder(encoding: ExportEncoding): { write(chunk: Buffer): string; end(): string } {
  if (encoding === 'gb18030') {
    const decoder = iconv.getDecoder('gb18030');
    return { write: (chunk) => decoder.write(chunk), end: () => decoder.end() ?? '' };
  }
  // ignoreBOM: false strips the BOM of a utf-8-bom export.
  const decoder = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false });
  return { write: (chunk) => decoder.decode(chunk, { stream: true }), end: () => decoder.decode() };
}
