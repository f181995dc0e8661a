import { Inject, Injectable, Logger, NotFoundException, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { numberSetting } from '@tianping/common';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import type { SignedCheckpoint } from '@tianping/audit-log';
import { OversightSubjects, STREAMS } from '@tianping/contracts';
import { decodeJson, encodeJson, isNotFound, NATS_CONNECTION } from '@tianping/messaging';
import { AuditLogService } from './audit-log.service';

/** How often the latest checkpoint is witnessed (AUDIT_WITNESS_SECONDS, default 10). */
export function witnessSeconds(env: NodeJS.ProcessEnv = process.env): number {
  return numberSetting(env, 'AUDIT_WITNESS_SECONDS', { fallback: 10, min: 1, max: 3600, takes: '1 to 3600' });
}

/** Publishes a signed checkpoint where the database cannot reach it; the same checkpoint twice is one message. */
export async function publishWitness(nc: NatsConnection, checkpoint: SignedCheckpoint): Promise<void> {
  await jetstream(nc).publish(OversightSubjects.checkpointWitnessed, encodeJson(checkpoint), {
    msgID: `checkpoint-${checkpoint.treeSize}-${checkpoint.rootHash.slice(0, 16)}`,
  });
}

/** The latest witnessed checkpoint, or null when none was ever published. Its signature is the verifier's to check. */
export async function latestWitnessed(nc: NatsConnection): Promise<SignedCheckpoint | null> {
  const jsm = await jetstreamManager(nc);
  try {
    const message = await jsm.streams.getMessage(STREAMS.oversight.name, { last_by_subj: OversightSubjects.checkpointWitnessed });
    return message ? decodeJson<SignedCheckpoint>(message.data) : null;
  } catch (error) {
    if (isNotFound(error)) return null;
    throw error;
  }
}

/**
 * The record's witness: every few seconds, the latest signed checkpoint, if it grew, goes to NATS.
 * Whoever can write the database can cut entries and their checkpoints off the end of the record and
 * leave a log that verifies; they cannot take back a checkpoint already published here, so `verify`
 * compares the log with it. (A deployment can mirror this subject to a witness outside its own
 * control; the record's receipts, held by enterprises, serve the same end.)
 */
@Injectable()
export class CheckpointWitness implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(CheckpointWitness.name);
  private timer?: NodeJS.Timeout;
  private published = -1;
  private running: Promise<void> | null = null;

  constructor(
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    private readonly log: AuditLogService,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.witness(), witnessSeconds() * 1000);
    this.timer.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** Publishes the latest checkpoint unless it was published already; a failure waits for the next round. */
  witness(): Promise<void> {
    this.running ??= this.publishLatest()
      .catch((error: Error) => this.logger.warn(`checkpoint witness: ${error.message}`))
      .finally(() => (this.running = null));
    return this.running;
  }

  private async publishLatest(): Promise<void> {
    // No checkpoint yet is nothing to publish; any other failure (the database away) is said, and tried again.
    const checkpoint = await this.log.latestCheckpoint().catch((error: unknown) => {
      if (error instanceof NotFoundException) return null;
      throw error;
    });
    if (!checkpoint || checkpoint.treeSize <= this.published) return;
    await publishWitness(this.nc, checkpoint);
    this.published = checkpoint.treeSize;
  }
}
