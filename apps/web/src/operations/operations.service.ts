import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { readiness } from '@tianping/database';
import { UpstreamClient, type UpstreamAnswer } from '../gateway/upstream.client';

/** The apps with an outbox and durable consumers; each serves `GET /ops/status` on its internal port. */
export const DELIVERY_APPS = ['intake', 'scoring', 'dispatch', 'oversight'] as const;
export type DeliveryApp = (typeof DELIVERY_APPS)[number];
/** The app that serves the suite's dead letters (see OperationsModule's `deadLetters`). */
export const DEAD_LETTER_HOST: DeliveryApp = 'intake';

/** A service asked for the health page is given this long: a page must not hang on one that does. */
const READY_TIMEOUT_MS = 3_000;
const STATUS_TIMEOUT_MS = 8_000;

export interface ServiceHealth {
  app: DeliveryApp | 'web';
  state: 'ready' | 'not-ready' | 'not-answering';
  reason: string | null;
  /** The app's outboxes and consumers as it reports them, or null when it could not. */
  delivery: unknown;
  deliveryProblem: string | null;
}

function bodyOf(answer: UpstreamAnswer): Record<string, unknown> | null {
  try {
    const parsed: unknown = JSON.parse(answer.body.toString());
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** The health page's view of the whole suite, asked of every app at once. */
@Injectable()
export class OperationsService {
  constructor(
    private readonly upstream: UpstreamClient,
    @Inject(DataSource) private readonly dataSource: DataSource,
  ) {}

  async suite(): Promise<{ checkedAt: string; services: ServiceHealth[] }> {
    const services = await Promise.all([...DELIVERY_APPS.map((app) => this.service(app)), this.web()]);
    return { checkedAt: new Date().toISOString(), services };
  }

  private async service(app: DeliveryApp): Promise<ServiceHealth> {
    const [ready, delivery] = await Promise.all([
      this.upstream.call(app, 'GET', '/ready', undefined, READY_TIMEOUT_MS),
      this.upstream.call(app, 'GET', '/ops/status', undefined, STATUS_TIMEOUT_MS),
    ]);
    const said = bodyOf(ready);
    // The app's own 503 says why it is not ready; the gateway's says nothing answered.
    const state = ready.status === 200 ? 'ready' : said?.status === 'not ready' ? 'not-ready' : 'not-answering';
    const reason = state === 'ready' ? null : String(said?.reason ?? said?.message ?? `HTTP ${ready.status}`);
    if (delivery.status === 200) return { app, state, reason, delivery: bodyOf(delivery), deliveryProblem: null };
    return { app, state, reason, delivery: null, deliveryProblem: String(bodyOf(delivery)?.message ?? `HTTP ${delivery.status}`) };
  }

  /** The web app itself: it has no outbox and no consumers (it calls the others over HTTP). */
  private async web(): Promise<ServiceHealth> {
    const state = await readiness(this.dataSource);
    return { app: 'web', state: state.ready ? 'ready' : 'not-ready', reason: state.ready ? null : state.reason, delivery: null, deliveryProblem: null };
  }
}
