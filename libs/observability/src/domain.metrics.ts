import { Counter, Gauge, Histogram } from 'prom-client';
import { metricsRegistry } from './metrics.registry';

const registers = [metricsRegistry];

/**
 * What happened to each record intake read, by source kind. `outcome` is one of the ingest
 * counts: inserted, updated (accepted), duplicate, stale (an older version), quarantined,
 * quarantined_again (a bad record already in quarantine).
 */
export const intakeRecords = new Counter({
  name: 'tianping_intake_records_total',
  help: 'Records intake has read, by source kind and outcome (counted when their batch commits)',
  labelNames: ['kind', 'outcome'] as const,
  registers,
});

export const scoresComputed = new Counter({
  name: 'tianping_scores_computed_total',
  help: 'Scores written, by colour and kind of run (all: a full run; changes: re-scoring after intake changes)',
  labelNames: ['colour', 'run'] as const,
  registers,
});

/**
 * JetStream deliveries by consumer. `outcome`: handled (acked), redelivered (failed, will be
 * retried with back-off), dead_lettered (poison or out of retries, moved to DEADLETTER).
 */
export const jetstreamMessages = new Counter({
  name: 'tianping_jetstream_messages_total',
  help: 'JetStream messages taken by durable consumers, by stream, durable and outcome',
  labelNames: ['stream', 'durable', 'outcome'] as const,
  registers,
});

export const jetstreamHandleSeconds = new Histogram({
  name: 'tianping_jetstream_handle_seconds',
  help: 'Time to handle one JetStream message, by durable consumer',
  labelNames: ['durable'] as const,
  buckets: [0.001, 0.005, 0.02, 0.1, 0.5, 2, 10, 60],
  registers,
});

export const outboxPublished = new Counter({
  name: 'tianping_outbox_published_total',
  help: 'Outbox events published to JetStream, by outbox table (intake.outbox, scoring.score_outbox, …)',
  labelNames: ['outbox'] as const,
  registers,
});

/** How far the relay is behind: the age of the oldest event not yet published (0 when none waits). */
export const outboxLag = new Gauge({
  name: 'tianping_outbox_lag_seconds',
  help: "Age of the oldest unpublished outbox event at the relay's last pass, by outbox table",
  labelNames: ['outbox'] as const,
  registers,
});

/** The time from commit to publish of each published event. */
export const outboxPublishDelay = new Histogram({
  name: 'tianping_outbox_publish_delay_seconds',
  help: "Time from an outbox event's commit to its publication, by outbox table",
  labelNames: ['outbox'] as const,
  buckets: [0.05, 0.25, 1, 5, 30, 120, 600],
  registers,
});
