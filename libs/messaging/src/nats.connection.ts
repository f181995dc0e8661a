import { connect, type NatsConnection } from '@nats-io/transport-node';
import { jetstreamManager, RetentionPolicy, StorageType, type JetStreamManager } from '@nats-io/jetstream';
import { numberSetting } from '@tianping/common';
import { STREAMS, type StreamDefinition } from '@tianping/contracts';

/**
 * A connection that reconnects for ever. A service passes `waitOnFirstConnect` so that a NATS
 * restarting while it boots is waited for; a command fails at once when nothing answers.
 */
export async function connectNats(url: string, name: string, options: { waitOnFirstConnect?: boolean } = {}): Promise<NatsConnection> {
  const servers = url
    .split(',')
    .map((server) => server.trim())
    .filter(Boolean); // a cluster: every server, comma-separated
  return connect({ servers, name, maxReconnectAttempts: -1, reconnectTimeWait: 500, waitOnFirstConnect: options.waitOnFirstConnect ?? false });
}

/** Creates (or widens) the suite's streams. File storage: events survive a NATS restart. */
export async function ensureStreams(nc: NatsConnection, streams: readonly StreamDefinition[] = Object.values(STREAMS)): Promise<JetStreamManager> {
  const jsm = await jetstreamManager(nc);
  for (const stream of streams) {
    const config = {
      name: stream.name,
      subjects: [...stream.subjects],
      storage: StorageType.File,
      // A work queue keeps a message until one consumer acknowledges it; events are kept for every reader.
      retention: 'workQueue' in stream && stream.workQueue ? RetentionPolicy.Workqueue : RetentionPolicy.Limits,
      duplicate_window: 10 * 60 * 1_000_000_000, // nanoseconds: the outbox may resend within this
      max_msg_size: 4 * 1024 * 1024,
      // On a NATS cluster, each stream kept on this many servers (NATS_STREAM_REPLICAS; 1 on a single server).
      num_replicas: streamReplicas(),
    };
    try {
      await jsm.streams.info(stream.name);
      await jsm.streams.update(stream.name, config);
    } catch (error) {
      if (!isNotFound(error)) throw error;
      await jsm.streams.add(config);
    }
  }
  return jsm;
}

function streamReplicas(): number {
  return numberSetting(process.env, 'NATS_STREAM_REPLICAS', { fallback: 1, min: 1, max: 5, integer: true, takes: '1 to 5' });
}

export function isNotFound(error: unknown): boolean {
  const text = String((error as { message?: string })?.message ?? error);
  return /not found/i.test(text);
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export function encodeJson(value: unknown): Uint8Array {
  return encoder.encode(JSON.stringify(value));
}

export function decodeJson<T = unknown>(data: Uint8Array): T {
  return JSON.parse(decoder.decode(data)) as T;
}
