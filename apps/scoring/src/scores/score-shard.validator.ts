import type { ScoreShardQueued } from '@tianping/contracts';
import { PoisonMessage } from '@tianping/messaging';

const bound = (value: unknown): value is string | null => value === null || (typeof value === 'string' && value.length > 0 && value.length <= 64);

/** A queued shard as the worker accepts it; anything else can never be scored and is refused. */
export function scoreShardItem(payload: unknown): ScoreShardQueued {
  const p = payload as Partial<ScoreShardQueued> | null;
  if (!p || typeof p !== 'object') throw new PoisonMessage('a score shard must be an object');
  if (typeof p.runId !== 'string' || !/^\d{1,18}$/.test(p.runId)) throw new PoisonMessage('a score shard needs its run id');
  if (!Number.isInteger(p.shard) || !Number.isInteger(p.shards) || p.shard! < 0 || p.shard! >= p.shards!)
    throw new PoisonMessage("a score shard needs its number, below the run's shards");
  if (!bound(p.fromCode) || !bound(p.toCode)) throw new PoisonMessage("a score shard's bounds are credit codes or null");
  return { runId: p.runId, shard: p.shard!, shards: p.shards!, fromCode: p.fromCode, toCode: p.toCode };
}
