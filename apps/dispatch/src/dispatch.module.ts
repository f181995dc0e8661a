import { Module } from '@nestjs/common';
import { DatabaseModule, HealthController } from '@tianping/database';
import { NatsModule, OperationsModule } from '@tianping/messaging';
import { AbsenceReplacementsController } from './absence-replacements/absence-replacements.controller';
import { AbsenceReplacementsRepository } from './absence-replacements/absence-replacements.repository';
import { AbsenceReplacementsService } from './absence-replacements/absence-replacements.service';
import { AbsencesController } from './absences/absences.controller';
import { AbsencesRepository } from './absences/absences.repository';
import { AbsencesService } from './absences/absences.service';
import { CaseExtensionsController, CaseOrdersController } from './case-extensions/case-extensions.controller';
import { CaseExtensionsRepository } from './case-extensions/case-extensions.repository';
import { CaseExtensionsService } from './case-extensions/case-extensions.service';
import { createDispatchDataSource, DISPATCH_SCHEMA } from './database/dispatch.data-source';
import { DrawInputsRepository } from './draw/draw-inputs.repository';
import { DrawController } from './draw/draw.controller';
import { DrawRepository } from './draw/draw.repository';
import { DrawTasksRepository } from './draw/draw-tasks.repository';
import { DrawService } from './draw/draw.service';
import { FollowUpsRepository } from './draw/follow-ups.repository';
import { FollowUpsController } from './follow-ups/follow-ups.controller';
import { TrackedFollowUpsRepository } from './follow-ups/follow-ups.repository';
import { FollowUpsService } from './follow-ups/follow-ups.service';
import { DispatchOutbox } from './outbox/dispatch-outbox.provider';
import { OfficersController } from './officers/officers.controller';
import { OfficersRepository } from './officers/officers.repository';
import { PlansController } from './plans/plans.controller';
import { PlansRepository } from './plans/plans.repository';
import { RectificationApplicationsController } from './rectification-applications/rectification-applications.controller';
import { RectificationApplicationsRepository } from './rectification-applications/rectification-applications.repository';
import { RectificationApplicationsService } from './rectification-applications/rectification-applications.service';
import { FollowUpReleasesRepository } from './rectification-extensions/follow-up-releases.repository';
import { FollowUpReleasesService } from './rectification-extensions/follow-up-releases.service';
import { RectificationExtensionsController } from './rectification-extensions/rectification-extensions.controller';
import { RectificationExtensionsRepository } from './rectification-extensions/rectification-extensions.repository';
import { RectificationExtensionsService } from './rectification-extensions/rectification-extensions.service';
import { PublicDisclosureController } from './public/public-disclosure.controller';
import { PublicDisclosureRepository } from './public/public-disclosure.repository';
import { ProjectionHandler } from './projection/projection.handler';
import { ProjectionRepository } from './projection/projection.repository';
import { TeamChangesController } from './team-changes/team-changes.controller';
import { TeamChangesRepository } from './team-changes/team-changes.repository';
import { TeamChangesService } from './team-changes/team-changes.service';
import { VisitsController } from './visits/visits.controller';
import { ChecklistItemsController } from './checklist/checklist-items.controller';
import { ChecklistItemsRepository } from './checklist/checklist-items.repository';
import { VisitsRepository } from './visits/visits.repository';
import { VisitsService } from './visits/visits.service';

/** Everything dispatch does without listening: used by the CLI for `plan`. */
@Module({
  imports: [DatabaseModule.forApp({ schema: DISPATCH_SCHEMA, createDataSource: createDispatchDataSource }), NatsModule.forApp('dispatch')],
  providers: [
    PlansRepository,
    ChecklistItemsRepository,
    DrawInputsRepository,
    FollowUpsRepository,
    DrawRepository,
    DrawTasksRepository,
    DrawService,
    VisitsRepository,
    VisitsService,
    TeamChangesRepository,
    TeamChangesService,
    AbsencesRepository,
    AbsencesService,
    AbsenceReplacementsRepository,
    AbsenceReplacementsService,
    RectificationExtensionsRepository,
    RectificationExtensionsService,
    FollowUpReleasesRepository,
    FollowUpReleasesService,
    RectificationApplicationsRepository,
    RectificationApplicationsService,
    CaseExtensionsRepository,
    CaseExtensionsService,
    TrackedFollowUpsRepository,
    FollowUpsService,
    ProjectionRepository,
    DispatchOutbox,
  ],
  exports: [
    PlansRepository,
    ChecklistItemsRepository,
    DrawService,
    VisitsService,
    TeamChangesService,
    AbsencesService,
    AbsenceReplacementsService,
    RectificationExtensionsService,
    RectificationApplicationsService,
    CaseExtensionsService,
    FollowUpsService,
    ProjectionRepository,
    DispatchOutbox,
  ],
})
export class DispatchCoreModule {}

/** The dispatch service: the core plus its HTTP API and the projection consumers. */
@Module({
  imports: [DispatchCoreModule, OperationsModule.forApp({ app: 'dispatch', outboxSchema: DISPATCH_SCHEMA })],
  controllers: [
    HealthController,
    PlansController,
    ChecklistItemsController,
    DrawController,
    VisitsController,
    TeamChangesController,
    RectificationExtensionsController,
    RectificationApplicationsController,
    CaseExtensionsController,
    CaseOrdersController,
    FollowUpsController,
    AbsencesController,
    AbsenceReplacementsController,
    OfficersController,
    PublicDisclosureController,
  ],
  providers: [ProjectionHandler, PublicDisclosureRepository, OfficersRepository],
})
export class DispatchModule {}
