import { collectDefaultMetrics, Registry } from 'prom-client';

/** The process's one registry: every metric of the suite is registered here and served at /metrics. */
export const metricsRegistry = new Registry();

let defaultMetricsOn = false;

/**
 * Turns on prom-client's process metrics (CPU, memory, event loop lag, GC) once per process. Only
 * served apps call it: a CLI command has no one to scrape it.
 */
export function enableDefaultMetrics(app?: string): void {
  if (defaultMetricsOn) return;
  defaultMetricsOn = true;
  if (app) metricsRegistry.setDefaultLabels({ app });
  collectDefaultMetrics({ register: metricsRegistry });
}

/** The registry's metrics in Prometheus's text exposition format. */
export async function renderMetrics(): Promise<{ contentType: string; body: string }> {
  return { contentType: metricsRegistry.contentType, body: await metricsRegistry.metrics() };
}
