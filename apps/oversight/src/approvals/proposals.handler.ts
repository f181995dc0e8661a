import { Inject, Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import type { NatsConnection } from '@nats-io/transport-node';
import { ScoringSubjects, STREAMS } from '@tianping/contracts';
import { NATS_CONNECTION, PoisonMessage, RoutedConsumers } from '@tianping/messaging';
import { InvalidEvent } from '../record/scoring-events.mapper';
import { ApprovalsRepository } from './approvals.repository';
import { proposalFrom } from './proposal.mapper';

/**
 * Learns what awaits approval from scoring's events: each registered model version and each proposed
 * colour policy opens a request. Redelivery opens nothing new; an invalid event goes to the dead letters.
 */
@Injectable()
export class ProposalsHandler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly consumers: RoutedConsumers;

  constructor(
    @Inject(NATS_CONNECTION) nc: NatsConnection,
    private readonly repository: ApprovalsRepository,
  ) {
    const stream = STREAMS.scoring.name;
    const route = (subject: string) => async (payload: unknown) => {
      let proposal;
      try {
        proposal = proposalFrom(subject, payload);
      } catch (error) {
        if (error instanceof InvalidEvent) throw new PoisonMessage(error.message);
        throw error;
      }
      if (proposal) await this.repository.insertRequest(proposal);
    };
    this.consumers = new RoutedConsumers(
      nc,
      [
        { stream, durable: 'oversight-approvals-models', subject: ScoringSubjects.modelRegistered },
        { stream, durable: 'oversight-approvals-colour-policies', subject: ScoringSubjects.colourPolicyChanged },
      ],
      {
        [ScoringSubjects.modelRegistered]: route(ScoringSubjects.modelRegistered),
        [ScoringSubjects.colourPolicyChanged]: route(ScoringSubjects.colourPolicyChanged),
      },
    );
  }

  onApplicationBootstrap(): Promise<void> {
    return this.consumers.start();
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.consumers.stop();
  }
}
