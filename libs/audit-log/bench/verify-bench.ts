/**
 * Verifies an in-memory audit log of 1,000,000 synthetic entries and prints one JSON line.
 * Run: node -r @swc-node/register libs/audit-log/bench/verify-bench.ts [entries]
 */
import { Prng } from '@tianping/common';
import { AuditEntry, createEntry, generateSigningKey, MerkleTreeBuilder, signCheckpoint, SignedCheckpoint, verifyLog } from '../src';

const ORIGIN = 'tianping.bench/oversight-audit';
const KINDS = ['rating.published', 'appeal.filed', 'appeal.decided', 'model.deployed', 'plan.dispatched'] as const;

async function main(): Promise<void> {
  const count = Number(process.argv[2] ?? 1_000_000);
  const checkpointEvery = 100_000;
  const key = generateSigningKey();
  const prng = new Prng('audit-log-bench');

  const buildStart = performance.now();
  const entries: AuditEntry[] = new Array(count);
  const checkpoints: SignedCheckpoint[] = [];
  const builder = new MerkleTreeBuilder();
  let previous: AuditEntry | null = null;
  for (let seq = 0; seq < count; seq++) {
    const body = { kind: prng.pick(KINDS), subject: `E${prng.int(0, 99_999)}`, score: Math.round(prng.next() * 1e4) / 1e4, at: 1_717_200_000 + seq };
    previous = createEntry(previous, body);
    entries[seq] = previous;
    builder.append(previous.leafHash);
    if ((seq + 1) % checkpointEvery === 0 || seq + 1 === count) {
      const head = { origin: ORIGIN, treeSize: seq + 1, rootHash: builder.root().toString('hex'), timestamp: new Date(0).toISOString() };
      checkpoints.push(signCheckpoint(head, key.privateKeyPem));
    }
  }
  const buildMs = performance.now() - buildStart;

  const verifyStart = performance.now();
  const result = await verifyLog(entries, checkpoints, key.publicKeyPem, { origin: ORIGIN });
  const verifyMs = performance.now() - verifyStart;

  process.stdout.write(
    JSON.stringify({
      bench: 'audit-log.verifyLog',
      entries: result.entries,
      checkpoints: checkpoints.length,
      ok: result.ok,
      checkpointsVerified: result.checkpointsVerified,
      verifyMs: Math.round(verifyMs),
      entriesPerSecond: Math.round(result.entries / (verifyMs / 1000)),
      buildMs: Math.round(buildMs),
      heapMb: Math.round(process.memoryUsage().heapUsed / 2 ** 20),
    }) + '\n',
  );
  if (!result.ok) process.exitCode = 1;
}

void main();
