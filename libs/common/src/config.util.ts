/** Where the suite finds its services. Every app reads the same variables, with local defaults. */
export interface SuiteConfig {
  databaseUrl: string;
  natsUrl: string;
  databaseName: string;
}

export const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/tianping';
export const DEFAULT_NATS_URL = 'nats://127.0.0.1:4222';

export function loadSuiteConfig(env: NodeJS.ProcessEnv = process.env): SuiteConfig {
  const databaseUrl = env.DATABASE_URL || DEFAULT_DATABASE_URL;
  return {
    databaseUrl,
    natsUrl: env.NATS_URL || DEFAULT_NATS_URL,
    databaseName: new URL(databaseUrl).pathname.replace(/^\//, '') || 'tianping',
  };
}

/** The HTTP port of each app: PORT_<NAME> (e.g. PORT_SCORING) overrides the default. */
export const DEFAULT_PORTS = { web: 3100, intake: 3101, scoring: 3102, dispatch: 3103, oversight: 3104 } as const;
export type AppName = keyof typeof DEFAULT_PORTS;

export function appPort(app: AppName, env: NodeJS.ProcessEnv = process.env): number {
  const override = env[`PORT_${app.toUpperCase()}`];
  return override ? Number(override) : DEFAULT_PORTS[app];
}

/**
 * Where another app of the suite answers: `<NAME>_URL` (e.g. SCORING_URL=http://scoring:3102, a
 * load-balanced name in front of several instances), else this machine on the app's port.
 */
export function appUrl(app: AppName, env: NodeJS.ProcessEnv = process.env): string {
  const override = env[`${app.toUpperCase()}_URL`];
  return override ? override.replace(/\/+$/, '') : `http://127.0.0.1:${appPort(app, env)}`;
}

export interface NumberSettingRule {
  /** The value when the setting is unset or blank. */
  fallback: number;
  min?: number;
  max?: number;
  integer?: boolean;
  /** What the setting takes, in words, for the error (e.g. "1 to 5"). */
  takes: string;
}

/**
 * A number from the environment: the fallback when unset or blank; otherwise it must be a finite
 * number within the rule, or the app stops at start naming the setting and what it takes (a bad
 * value found later would fail every request that reads it).
 */
export function numberSetting(env: NodeJS.ProcessEnv, name: string, rule: NumberSettingRule): number {
  const raw = env[name]?.trim();
  if (!raw) return rule.fallback;
  const value = Number(raw);
  const fits = Number.isFinite(value) && (!rule.integer || Number.isInteger(value)) && value >= (rule.min ?? -Infinity) && value <= (rule.max ?? Infinity);
  if (!fits) throw new Error(`${name} must be ${rule.takes}, not "${raw}"`);
  return value;
}
