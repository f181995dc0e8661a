import { eventChunks } from './event-chunks.util';

describe('eventChunks: what one event carries', () => {
  it('cuts at the record count, and earlier where long texts would pass NATS max_payload', () => {
    const short = Array.from({ length: 1200 }, (_, i) => ({ id: i, name: '明记' }));
    expect(eventChunks(short, 500).map((c) => c.length)).toEqual([500, 500, 200]);
    expect(eventChunks(short)).toHaveLength(1);
    const long = Array.from({ length: 500 }, (_, i) => ({ id: i, name: '明'.repeat(2000), address: '路'.repeat(2000) }));
    const chunks = eventChunks(long, 500);
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.flat()).toEqual(long);
    for (const chunk of chunks) expect(Buffer.byteLength(JSON.stringify({ batchId: 'x', records: chunk }))).toBeLessThan(1024 * 1024);
    // One record larger than the limit still goes, alone.
    expect(eventChunks([{ a: 'x'.repeat(10) }, { a: 'y' }], 500, 5).map((c) => c.length)).toEqual([1, 1]);
  });
});
