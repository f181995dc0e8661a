import type { AppName } from '@tianping/common';
import type { Prng } from '@tianping/common';
import type { BadMessageInjector } from './bad-messages';
import type { PrivateNats } from './private-nats';
import type { PrivatePostgres } from './private-postgres';
import type { SuiteProcesses } from './suite-processes';
import { sleep } from './wait.util';

export interface ChaosPlan {
  kills: number;
  postgresRestarts: number;
  natsRestarts: number;
  /** Bad messages, sent a few at a time between the other faults. */
  badMessages: number;
  /** Random pause before each fault, in milliseconds. */
  gapMs: [number, number];
  /** How long a killed app stays down before it is started again. */
  downMs: [number, number];
}

export type Fault = { kind: 'kill'; app: AppName } | { kind: 'postgres-restart' } | { kind: 'nats-restart' } | { kind: 'inject'; messages: number };

export interface FaultRecord {
  at: number;
  phase: string;
  fault: string;
  ms: number;
}

/** The faults of a run in a random order drawn from the seed; the moments are random too. */
export function drawFaults(plan: ChaosPlan, apps: AppName[], prng: Prng): Fault[] {
  const faults: Fault[] = [];
  // The apps that do the work are killed first, each once in a random order, then the web gateway
  // (it holds no state and consumes nothing) once; further kills fall on the working apps at random.
  const workers: AppName[] = shuffle(
    apps.filter((a) => a !== 'web'),
    prng,
  );
  const order = [...workers, ...apps.filter((a) => !workers.includes(a))];
  for (let i = 0; i < plan.kills; i++) faults.push({ kind: 'kill', app: i < order.length ? order[i] : prng.pick(workers) });
  for (let i = 0; i < plan.postgresRestarts; i++) faults.push({ kind: 'postgres-restart' });
  for (let i = 0; i < plan.natsRestarts; i++) faults.push({ kind: 'nats-restart' });
  const injections = Math.max(1, Math.ceil(plan.badMessages / 3));
  for (let i = 0; i < injections; i++) faults.push({ kind: 'inject', messages: 0 });
  faults.forEach((f) => f.kind === 'inject' && (f.messages = Math.floor(plan.badMessages / injections)));
  const first = faults.find((f) => f.kind === 'inject');
  if (first && first.kind === 'inject') first.messages += plan.badMessages % injections;
  return shuffle(faults, prng);
}

function shuffle<T>(items: T[], prng: Prng): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(prng.next() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** Deals the faults out over `rounds` stretches of work, the disruptive ones and the bad messages each in turn, in a random order within each. */
export function dealFaults(faults: Fault[], rounds: number, prng: Prng): Fault[][] {
  const dealt: Fault[][] = Array.from({ length: rounds }, () => []);
  const hard = faults.filter((f) => f.kind !== 'inject');
  const injections = faults.filter((f) => f.kind === 'inject');
  hard.forEach((f, i) => dealt[i % rounds].push(f));
  injections.forEach((f, i) => dealt[(i + hard.length) % rounds].push(f));
  return dealt.map((round) => shuffle(round, prng));
}

/**
 * Runs the drawn faults one after another at random moments while the scenario works: SIGKILL an
 * app (and start it again a moment later), restart PostgreSQL the hard way, restart NATS, send
 * bad messages. `phase()` names what the scenario is doing, for the record of each fault.
 */
export class ChaosMonkey {
  readonly record: FaultRecord[] = [];
  private readonly startedAt = Date.now();
  private done?: Promise<void>;
  private stopRequested = false;

  constructor(
    private readonly faults: Fault[],
    private readonly plan: ChaosPlan,
    private readonly prng: Prng,
    private readonly services: { suite: SuiteProcesses; postgres: PrivatePostgres; nats: PrivateNats; injector: BadMessageInjector },
    private readonly phase: () => string,
  ) {}

  start(): void {
    this.done = this.run();
  }

  /** Resolves when every fault has happened (the scenario settles only after that). */
  finished(): Promise<void> {
    return this.done ?? Promise.resolve();
  }

  /** Fire the remaining faults without pauses (the work ended before they were due). */
  hurry(): void {
    this.stopRequested = true;
  }

  private async run(): Promise<void> {
    const { suite } = this.services;
    for (const fault of this.faults) {
      if (!this.stopRequested) await sleep(this.between(this.plan.gapMs));
      const started = Date.now();
      const label = fault.kind === 'kill' ? `kill ${fault.app}` : fault.kind === 'inject' ? `inject ${fault.messages}` : fault.kind;
      suite.note(`fault: ${label} during ${this.phase()}`);
      await this.apply(fault);
      this.record.push({ at: Math.round((started - this.startedAt) / 100) / 10, phase: this.phase(), fault: label, ms: Date.now() - started });
    }
  }

  private async apply(fault: Fault): Promise<void> {
    const { suite, postgres, nats, injector } = this.services;
    switch (fault.kind) {
      case 'kill': {
        await suite.kill(fault.app);
        // Started again a moment later, as a supervisor (systemd, Kubernetes) would.
        await sleep(this.between(this.plan.downMs));
        suite.start(fault.app);
        return;
      }
      case 'postgres-restart':
        return postgres.restart();
      case 'nats-restart':
        return nats.restart();
      case 'inject':
        for (let i = 0; i < fault.messages; i++) await injector.injectOne();
        return;
    }
  }

  private between([min, max]: [number, number]): number {
    return Math.round(min + this.prng.next() * (max - min));
  }
}
