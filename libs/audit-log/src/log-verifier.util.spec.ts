import fc from 'fast-check';
import { AuditEntry, createEntry, entryLeafHash } from './audit-entry.util';
import { generateSigningKey, signCheckpoint, SignedCheckpoint } from './checkpoint.util';
import { StoredEntry, verifyLog } from './log-verifier.util';
import { merkleRoot } from './merkle-tree.util';

const key = generateSigningKey();
const ORIGIN = 'tianping.test/audit';

function buildLog(count: number): AuditEntry[] {
  const entries: AuditEntry[] = [];
  for (let i = 0; i < count; i++) entries.push(createEntry(entries[i - 1] ?? null, { kind: 'appeal.decided', appealId: `A-${i}`, upheld: i % 3 === 0 }));
  return entries;
}

function checkpointsAt(entries: readonly AuditEntry[], sizes: readonly number[]): SignedCheckpoint[] {
  return sizes.map((treeSize) =>
    signCheckpoint(
      { origin: ORIGIN, treeSize, rootHash: merkleRoot(entries.slice(0, treeSize).map((e) => e.leafHash)).toString('hex'), timestamp: '2024-06-01T08:00:00Z' },
      key.privateKeyPem,
    ),
  );
}

const log = buildLog(30);
const heads = checkpointsAt(log, [10, 20, 30]);
const rows = (): StoredEntry[] => log.map((e) => ({ ...e }));
const withoutLeaves = (entries: StoredEntry[]): StoredEntry[] => entries.map(({ leafHash: _dropped, ...rest }) => rest);
const verify = (entries: Iterable<StoredEntry> | AsyncIterable<StoredEntry>, checkpoints = heads) =>
  verifyLog(entries, checkpoints, key.publicKeyPem, { origin: ORIGIN });

/** Rewrites entries from `from` on so that chain and stored leaf hashes are all consistent again. */
function rechain(entries: StoredEntry[], from: number): StoredEntry[] {
  const out = entries.slice(0, from);
  for (let i = from; i < entries.length; i++) {
    const prevHash = i === 0 ? '0'.repeat(64) : (out[i - 1].leafHash as string);
    const bodyJson = entries[i].bodyJson as string;
    out.push({ seq: i, prevHash, bodyJson, leafHash: entryLeafHash(i, prevHash, bodyJson) });
  }
  return out;
}

describe('verifyLog on an untouched log', () => {
  it('accepts every entry and every checkpoint', async () => {
    await expect(verify(rows())).resolves.toEqual({
      ok: true,
      entries: 30,
      checkpointsVerified: 3,
      checkpointFailures: [],
      unanchoredEntries: 0,
      bodiesUnchecked: 0,
    });
  });

  it('reads an async stream, parsed bodies and byte bodies alike', async () => {
    async function* stream() {
      for (const e of log)
        yield e.seq % 2 === 0 ? { ...e, bodyJson: Buffer.from(e.bodyJson) } : { seq: e.seq, prevHash: e.prevHash, body: JSON.parse(e.bodyJson) };
    }
    const result = await verify(stream());
    expect(result.ok).toBe(true);
    expect(result.checkpointsVerified).toBe(3);
  });

  it('names tampering in an async stream too, and stops reading soon after it', async () => {
    let read = 0;
    async function* stream() {
      for (const e of log) {
        read++;
        if (e.seq !== 12) yield e;
      }
    }
    const result = await verify(stream());
    expect(result.firstBad).toMatchObject({ seq: 12, problem: 'deleted' });
    expect(read).toBeLessThan(20);
  });

  it('counts entries not yet covered by a signed checkpoint', async () => {
    const result = await verify(rows(), heads.slice(0, 2));
    expect(result).toMatchObject({ ok: true, entries: 30, checkpointsVerified: 2, unanchoredEntries: 10 });
  });
});

describe('verifyLog names the first tampered entry', () => {
  it('a body edited in place is changed at its seq', async () => {
    const tampered = rows();
    tampered[7].bodyJson = (tampered[7].bodyJson as string).replace('A-7', 'A-9');
    expect((await verify(tampered)).firstBad).toMatchObject({ seq: 7, problem: 'changed', position: 7 });
    expect((await verify(withoutLeaves(tampered))).firstBad).toMatchObject({ seq: 7, problem: 'changed' });
  });

  it('a body edited together with its stored leaf hash is changed at its seq, exposed by the next link', async () => {
    const tampered = rows();
    tampered[7].bodyJson = (tampered[7].bodyJson as string).replace('A-7', 'A-8');
    tampered[7].leafHash = entryLeafHash(7, tampered[7].prevHash, tampered[7].bodyJson as string);
    const result = await verify(tampered);
    expect(result.firstBad).toMatchObject({ seq: 7, problem: 'changed' });
    expect(result.entries).toBe(8);
  });

  it('a rewrite that repairs the whole chain is caught by the next checkpoint, as a range', async () => {
    const tampered = rows();
    tampered[12].bodyJson = (tampered[12].bodyJson as string).replace('A-12', 'A-99');
    const result = await verify(rechain(tampered, 12));
    expect(result.ok).toBe(false);
    expect(result.firstBad).toMatchObject({ seq: 10, throughSeq: 19, problem: 'changed' });
    expect(result.checkpointsVerified).toBe(1);
  });

  it('a deleted row is deleted at its seq, whether or not later rows were renumbered', async () => {
    const gap = rows().filter((e) => e.seq !== 7);
    expect((await verify(gap)).firstBad).toMatchObject({ seq: 7, problem: 'deleted' });
    expect((await verify(withoutLeaves(gap))).firstBad).toMatchObject({ seq: 7, problem: 'deleted' });
    const renumbered = gap.map((e, i) => ({ ...e, seq: i }));
    expect((await verify(renumbered)).firstBad).toMatchObject({ seq: 7, problem: 'deleted' });
    const twoGone = rows().filter((e) => e.seq !== 7 && e.seq !== 8);
    expect((await verify(twoGone)).firstBad).toMatchObject({ seq: 7, throughSeq: 8, problem: 'deleted' });
  });

  it('rows cut off the end are deleted from the first missing seq, by the checkpoint that covered them', async () => {
    const result = await verify(rows().slice(0, 27));
    expect(result.firstBad).toMatchObject({ seq: 27, throughSeq: 29, problem: 'deleted' });
    expect(result.checkpointsVerified).toBe(2);
  });

  it('an inserted row is inserted at its seq, before or after the genuine one, or with later rows renumbered', async () => {
    const genuine = rows();
    const forged = createEntry(log[6], { kind: 'appeal.decided', appealId: 'A-forged', upheld: true });
    const after = [...genuine.slice(0, 8), forged, ...genuine.slice(8)];
    expect((await verify(after)).firstBad).toMatchObject({ seq: 7, problem: 'inserted', position: 8 });
    const before = [...genuine.slice(0, 7), forged, ...genuine.slice(7)];
    expect((await verify(before)).firstBad).toMatchObject({ seq: 7, problem: 'inserted', position: 7 });
    const badLink = [...genuine.slice(0, 7), { ...forged, prevHash: 'f'.repeat(64) }, ...genuine.slice(7)];
    expect((await verify(badLink)).firstBad).toMatchObject({ seq: 7, problem: 'inserted', position: 7 });
    const renumbered = before.map((e, i) => ({ ...e, seq: i }));
    expect((await verify(renumbered)).firstBad).toMatchObject({ seq: 7, problem: 'inserted' });
    expect((await verify(withoutLeaves(renumbered))).firstBad).toMatchObject({ seq: 7, problem: 'inserted' });
  });

  it('two swapped rows are reordered at the first of them, read out of order or with contents swapped', async () => {
    const swapped = rows();
    [swapped[7], swapped[8]] = [swapped[8], swapped[7]];
    expect((await verify(swapped)).firstBad).toMatchObject({ seq: 7, problem: 'reordered', position: 7 });
    expect((await verify(withoutLeaves(swapped))).firstBad).toMatchObject({ seq: 7, problem: 'reordered' });
    const contentsSwapped = swapped.map((e, i) => ({ ...e, seq: i }));
    expect((await verify(contentsSwapped)).firstBad).toMatchObject({ seq: 7, problem: 'reordered' });
  });

  it('the very first entry can be named', async () => {
    const tampered = rows();
    tampered[0].bodyJson = '{"kind":"nothing happened"}';
    expect((await verify(tampered)).firstBad).toMatchObject({ seq: 0, problem: 'changed' });
  });
});

describe('verifyLog with archived bodies (bodyJson null: the stored leaf hash stands for the body)', () => {
  const archived = (entries: StoredEntry[], from: number, to: number): StoredEntry[] =>
    entries.map((e) => (e.seq >= from && e.seq <= to ? { ...e, bodyJson: null } : e));

  it('verifies chain, tree and checkpoints from the stored leaf hashes and counts the bodies not checked', async () => {
    await expect(verify(archived(rows(), 0, 14))).resolves.toEqual({
      ok: true,
      entries: 30,
      checkpointsVerified: 3,
      checkpointFailures: [],
      unanchoredEntries: 0,
      bodiesUnchecked: 15,
    });
  });

  it('still names a changed leaf hash of an archived entry, by the next link or by the checkpoint', async () => {
    const relinked = archived(rows(), 0, 14);
    relinked[5].leafHash = entryLeafHash(5, relinked[5].prevHash, '{"forged":true}');
    expect((await verify(relinked)).firstBad).toMatchObject({ seq: 5, problem: 'changed' });
    // The chain repaired after it too: the signed root at 10 no longer matches.
    const rewritten = rechain(
      relinked.map((e) => ({ ...e, bodyJson: e.bodyJson ?? '{}' })),
      5,
    ).map((e, i) => (i <= 14 ? { ...e, bodyJson: null } : e));
    expect((await verify(rewritten)).firstBad).toMatchObject({ seq: 0, problem: 'changed', throughSeq: 9 });
  });

  it('names a deleted archived entry, and refuses one with no stored leaf hash', async () => {
    const withGap = archived(rows(), 0, 14).filter((e) => e.seq !== 7);
    expect((await verify(withGap)).firstBad).toMatchObject({ seq: 7, problem: 'deleted' });
    const noLeaf = archived(rows(), 0, 14);
    delete noLeaf[3].leafHash;
    expect((await verify(noLeaf)).firstBad).toMatchObject({ seq: 3, problem: 'changed' });
  });
});

describe('verifyLog and its checkpoints', () => {
  it('refuses a checkpoint with a forged signature or from another log, without blaming an entry', async () => {
    const forged = { ...heads[1], rootHash: heads[0].rootHash };
    const foreign = signCheckpoint({ origin: 'other-log', treeSize: 5, rootHash: heads[0].rootHash, timestamp: heads[0].timestamp }, key.privateKeyPem);
    const result = await verify(rows(), [heads[0], forged, foreign, heads[2]]);
    expect(result.ok).toBe(false);
    expect(result.firstBad).toBeUndefined();
    expect(result.checkpointFailures.map((f) => f.reason)).toEqual(['checkpoint signature is invalid', 'checkpoint of another log']);
    expect(result.checkpointsVerified).toBe(2);
  });

  it('checks an empty log against a checkpoint of size zero', async () => {
    await expect(verify([], checkpointsAt([], [0]))).resolves.toMatchObject({ ok: true, entries: 0, checkpointsVerified: 1 });
    await expect(verify([], heads)).resolves.toMatchObject({ ok: false, firstBad: { seq: 0, problem: 'deleted' } });
  });
});

describe('verifyLog over random logs and random tampering', () => {
  type Kind = 'changed' | 'changed-and-rehashed' | 'deleted' | 'inserted' | 'reordered';
  const kinds: Kind[] = ['changed', 'changed-and-rehashed', 'deleted', 'inserted', 'reordered'];

  function tamper(entries: StoredEntry[], kind: Kind, at: number): StoredEntry[] {
    const out = entries.map((e) => ({ ...e }));
    const edit = (e: StoredEntry) => (e.bodyJson as string).replace('"upheld":', '"upheld":!').replace('!true', 'false').replace('!false', 'true');
    switch (kind) {
      case 'changed':
        out[at].bodyJson = edit(out[at]);
        return out;
      case 'changed-and-rehashed':
        out[at].bodyJson = edit(out[at]);
        out[at].leafHash = entryLeafHash(at, out[at].prevHash, out[at].bodyJson as string);
        return out;
      case 'deleted':
        return out.filter((e) => e.seq !== at);
      case 'inserted': {
        const forged = createEntry(at === 0 ? null : (out[at - 1] as AuditEntry), { kind: 'appeal.decided', appealId: 'forged', upheld: true });
        return [...out.slice(0, at + 1), forged, ...out.slice(at + 1)];
      }
      case 'reordered':
        [out[at], out[at + 1]] = [out[at + 1], out[at]];
        return out;
    }
  }

  it('names the problem and the seq it was done at (or a range holding it)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 2, max: 40 }), fc.constantFrom(...kinds), fc.nat(), async (size, kind, pick) => {
        const entries = buildLog(size);
        const at = pick % (kind === 'reordered' ? size - 1 : size);
        const checkpoints = checkpointsAt(entries, [Math.floor(size / 2), size]);
        const result = await verifyLog(tamper(entries, kind, at), checkpoints, key.publicKeyPem);
        expect(result.ok).toBe(false);
        const bad = result.firstBad;
        expect(bad?.problem).toBe(kind === 'changed-and-rehashed' ? 'changed' : kind);
        if (bad?.throughSeq !== undefined && kind === 'changed-and-rehashed') {
          expect(bad.seq <= at && at <= bad.throughSeq).toBe(true);
        } else {
          expect(bad?.seq).toBe(at);
        }
      }),
      { numRuns: 200 },
    );
  });
});
