import { AuditEntry, createEntry, entryText } from './audit-entry.util';
import { canonicalJson } from './canonical-json.util';
import { generateSigningKey, keyIdOf, signCheckpoint, SignedCheckpoint, verifyCheckpoint } from './checkpoint.util';
import { inclusionProof } from './merkle-proof.util';
import { merkleRoot } from './merkle-tree.util';
import { makeArchivedReceipt, makeReceipt, Receipt, verifyReceipt } from './receipt.util';

const key = generateSigningKey();
const otherKey = generateSigningKey();

function buildLog(count: number): AuditEntry[] {
  const entries: AuditEntry[] = [];
  for (let i = 0; i < count; i++) {
    entries.push(createEntry(entries[i - 1] ?? null, { kind: 'rating.published', creditCode: '91350100M000100Y43', score: i / 100, i }));
  }
  return entries;
}

function headOf(entries: readonly AuditEntry[], privateKeyPem = key.privateKeyPem): SignedCheckpoint {
  const rootHash = merkleRoot(entries.map((e) => e.leafHash)).toString('hex');
  return signCheckpoint({ origin: 'tianping.test/audit', treeSize: entries.length, rootHash, timestamp: '2024-06-01T08:00:00Z' }, privateKeyPem);
}

describe('audit entries', () => {
  it('hash the canonical JSON of { body, prev, seq } and chain to the previous leaf', () => {
    const [first, second] = buildLog(2);
    expect(first.seq).toBe(0);
    expect(first.prevHash).toBe('0'.repeat(64));
    expect(second.prevHash).toBe(first.leafHash);
    expect(entryText(second.seq, second.prevHash, second.bodyJson)).toBe(canonicalJson({ seq: 1, prev: first.leafHash, body: JSON.parse(second.bodyJson) }));
  });
});

describe('signed checkpoints', () => {
  it('verify with the signer public key and name the key by the hash of its public half', () => {
    const head = headOf(buildLog(5));
    expect(head.keyId).toBe(key.keyId);
    expect(keyIdOf(key.publicKeyPem)).toBe(key.keyId);
    expect(verifyCheckpoint(head, key.publicKeyPem)).toEqual({ ok: true });
  });

  it('fail under another key, or when any signed field is changed', () => {
    const head = headOf(buildLog(5));
    expect(verifyCheckpoint(head, otherKey.publicKeyPem).ok).toBe(false);
    expect(verifyCheckpoint({ ...head, treeSize: 4 }, key.publicKeyPem).reason).toBe('checkpoint signature is invalid');
    expect(verifyCheckpoint({ ...head, timestamp: '2024-06-02T08:00:00Z' }, key.publicKeyPem).ok).toBe(false);
    expect(verifyCheckpoint({ ...head, origin: 'elsewhere' }, key.publicKeyPem).ok).toBe(false);
    expect(verifyCheckpoint({ ...head, rootHash: 'zz' }, key.publicKeyPem).reason).toMatch(/malformed/);
  });

  it('carry no private key material', () => {
    const head = headOf(buildLog(3));
    const text = JSON.stringify(head);
    expect(text).not.toContain('PRIVATE');
    expect(Object.keys(head).sort()).toEqual(['keyId', 'origin', 'rootHash', 'signature', 'timestamp', 'treeSize']);
  });
});

describe('receipts', () => {
  const entries = buildLog(11);
  const leaves = entries.map((e) => e.leafHash);
  const head = headOf(entries);
  const receiptFor = (seq: number): Receipt => makeReceipt(entries[seq], seq, head, inclusionProof(leaves, seq, head.treeSize));

  it('verify with nothing but the public key, after a JSON round trip, for every entry', () => {
    for (let seq = 0; seq < entries.length; seq++) {
      const kept = JSON.parse(JSON.stringify(receiptFor(seq))) as Receipt;
      expect(verifyReceipt(kept, key.publicKeyPem)).toEqual({ ok: true });
    }
  });

  it('fail when the entry body is altered', () => {
    const receipt = receiptFor(4);
    const altered = { ...receipt, entry: { ...receipt.entry, bodyJson: receipt.entry.bodyJson.replace('0.04', '0.01') } };
    expect(verifyReceipt(altered, key.publicKeyPem)).toEqual({ ok: false, reason: 'entry content does not match its leaf hash' });
  });

  it('fail when the entry is altered together with its leaf hash', () => {
    const receipt = receiptFor(4);
    const forged = createEntry(entries[3], { kind: 'rating.published', creditCode: '91350100M000100Y43', score: 0.01, i: 4 });
    expect(verifyReceipt({ ...receipt, entry: forged }, key.publicKeyPem).reason).toBe('inclusion proof does not lead to the checkpoint root');
  });

  it('fail when the proof is altered, truncated or belongs to another entry', () => {
    const receipt = receiptFor(6);
    const flipped = receipt.inclusionProof.map((h, i) => (i === 0 ? (h[0] === 'a' ? 'b' : 'a') + h.slice(1) : h));
    expect(verifyReceipt({ ...receipt, inclusionProof: flipped }, key.publicKeyPem).ok).toBe(false);
    expect(verifyReceipt({ ...receipt, inclusionProof: receipt.inclusionProof.slice(1) }, key.publicKeyPem).ok).toBe(false);
    expect(verifyReceipt({ ...receipt, inclusionProof: receiptFor(7).inclusionProof }, key.publicKeyPem).ok).toBe(false);
  });

  it('fail under a different key, or with a checkpoint signed by another key', () => {
    const receipt = receiptFor(2);
    expect(verifyReceipt(receipt, otherKey.publicKeyPem).ok).toBe(false);
    const foreign = makeReceipt(entries[2], 2, headOf(entries, otherKey.privateKeyPem), receipt.inclusionProof);
    expect(verifyReceipt(foreign, key.publicKeyPem).reason).toBe('checkpoint was signed by a different key');
  });

  it('refuse malformed input without throwing', () => {
    expect(verifyReceipt(null as unknown as Receipt, key.publicKeyPem).ok).toBe(false);
    expect(verifyReceipt({ ...receiptFor(1), leafIndex: 2 }, key.publicKeyPem).ok).toBe(false);
    expect(verifyReceipt({ ...receiptFor(1), inclusionProof: ['nothex'] }, key.publicKeyPem).ok).toBe(false);
    expect(verifyReceipt(receiptFor(1), 'not a key').reason).toBe('public key could not be read');
  });

  it('cannot be made for an entry the checkpoint does not cover', () => {
    expect(() => makeReceipt(entries[10], 10, headOf(entries.slice(0, 10)), [])).toThrow(RangeError);
  });
});

describe('receipts of archived entries (the body moved to an archive file)', () => {
  const entries = buildLog(9);
  const head = headOf(entries);
  const archive = { seq: 9, file: 'audit-bodies-000000000000-000000000004.jsonl.gz', sha256: 'ab'.repeat(32) };
  const archivedReceipt = (seq: number) =>
    makeArchivedReceipt(
      entries[seq],
      head,
      inclusionProof(
        entries.map((e) => e.leafHash),
        seq,
        head.treeSize,
      ),
      archive,
    );

  it('prove the leaf hash is in the signed tree and say the body is archived, and where', () => {
    const receipt = JSON.parse(JSON.stringify(archivedReceipt(3)));
    expect(receipt.entry.bodyJson).toBeNull();
    expect(receipt.bodyArchive).toEqual(archive);
    expect(verifyReceipt(receipt, key.publicKeyPem)).toEqual({ ok: true, bodyArchived: true });
  });

  it('fail when the leaf hash or the proof is altered, or the archive is not named', () => {
    const receipt = archivedReceipt(3);
    expect(verifyReceipt({ ...receipt, entry: { ...receipt.entry, leafHash: entries[4].leafHash } }, key.publicKeyPem).ok).toBe(false);
    expect(verifyReceipt({ ...receipt, inclusionProof: receipt.inclusionProof.slice(1) }, key.publicKeyPem).ok).toBe(false);
    const { bodyArchive: _gone, ...unnamed } = receipt;
    expect(verifyReceipt(unnamed as unknown as Receipt, key.publicKeyPem)).toEqual({
      ok: false,
      reason: 'malformed receipt: archived entry without its archive',
    });
  });
});
