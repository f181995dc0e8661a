import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import type { NatsConnection } from '@nats-io/transport-node';
import { OversightSubjects, STREAMS, type ApprovalGranted } from '@tianping/contracts';
import { NATS_CONNECTION, PoisonMessage, RoutedConsumers } from '@tianping/messaging';
import { ColourPolicyService, ColourPolicyStateError } from '../colour/colour-policy.service';
import { ModelRegistryService, ModelStateError } from '../models/model-registry.service';
import { approvalGrant } from './approval-grant.util';

/**
 * Receives oversight's approvals: a model version or colour policy it granted moves to approved, with
 * its approvers recorded. A grant scoring cannot apply (unknown version, rules broken) goes to the
 * dead letters, visible to an operator; a redelivered one changes nothing.
 */
@Injectable()
export class ApprovalGrantHandler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(ApprovalGrantHandler.name);
  private readonly consumers: RoutedConsumers;

  constructor(
    @Inject(NATS_CONNECTION) nc: NatsConnection,
    private readonly models: ModelRegistryService,
    private readonly policies: ColourPolicyService,
  ) {
    this.consumers = new RoutedConsumers(nc, [{ stream: STREAMS.oversight.name, durable: 'scoring-approvals', subject: OversightSubjects.approvalGranted }], {
      [OversightSubjects.approvalGranted]: (payload) => this.apply(approvalGrant(payload)),
    });
  }

  private async apply(grant: ApprovalGranted): Promise<void> {
    try {
      const outcome = grant.subjectKind === 'model-version' ? await this.models.approve(grant) : await this.policies.approve(grant);
      if (outcome === 'retired-before-approval')
        this.logger.warn(`approval of model ${grant.subjectRef} not applied: it was retired before oversight approved it`);
    } catch (error) {
      if (error instanceof ModelStateError || error instanceof ColourPolicyStateError) throw new PoisonMessage(error.message);
      throw error;
    }
  }

  onApplicationBootstrap(): Promise<void> {
    return this.consumers.start();
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.consumers.stop();
  }
}
