import { shardCount } from './scoring.service';

describe('the shards a full run is cut into', () => {
  it('gives each slot that will take a shard one', () => {
    expect(shardCount(950_000, 2)).toBe(2); // one process alone
    expect(shardCount(950_000, 8)).toBe(8); // three instances' idle slots and the command's own
  });

  it('keeps shards at least 20,000 enterprises, and one when there are fewer', () => {
    expect(shardCount(50_000, 8)).toBe(2);
    expect(shardCount(300, 8)).toBe(1);
    expect(shardCount(0, 2)).toBe(1);
  });

  it('keeps shards at most 500,000 enterprises, up to 32 shards', () => {
    expect(shardCount(3_000_000, 2)).toBe(6);
    expect(shardCount(50_000_000, 2)).toBe(32);
    expect(shardCount(950_000, 100)).toBe(32);
  });

  it('counts no slots as one', () => {
    expect(shardCount(950_000, 0)).toBe(2); // by size: 950,000 over 500,000
    expect(shardCount(100_000, 0)).toBe(1);
  });
});
