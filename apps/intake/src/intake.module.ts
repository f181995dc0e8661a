import { Module } from '@nestjs/common';
import { ClueRefs, PiiVault } from '@tianping/common';
import { DatabaseModule, HealthController } from '@tianping/database';
import { NatsModule, OperationsModule } from '@tianping/messaging';
import { CorrectionsCoreModule, CorrectionsModule } from './corrections/corrections.module';
import { createIntakeDataSource, INTAKE_SCHEMA } from './database/intake.data-source';
import { EnterpriseController } from './enterprise/enterprise.controller';
import { EnterpriseRepository } from './enterprise/enterprise.repository';
import { BatchWriter } from './ingest/batch-writer';
import { ClueInboxHandler } from './ingest/clue-inbox.handler';
import { ExportUploadTimeout } from './ingest/export-upload.timeout';
import { VisitResultHandler } from './ingest/visit-result.handler';
import { ClueRelinker } from './ingest/clue-relinker';
import { IngestController } from './ingest/ingest.controller';
import { IngestRepository } from './ingest/ingest.repository';
import { IngestService } from './ingest/ingest.service';
import { IntakeOutbox } from './ingest/outbox-relay.provider';
import { LinkerCache } from './ingest/linker-cache';
import { QuarantineController } from './quarantine/quarantine.controller';
import { QuarantineRepository } from './quarantine/quarantine.repository';
import { QuarantineService } from './quarantine/quarantine.service';

/** Everything intake does without listening: used by the CLI for `ingest` and `quarantine`. */
@Module({
  imports: [DatabaseModule.forApp({ schema: INTAKE_SCHEMA, createDataSource: createIntakeDataSource }), NatsModule.forApp('intake'), CorrectionsCoreModule],
  providers: [
    { provide: PiiVault, useFactory: () => PiiVault.fromEnv() },
    { provide: ClueRefs, useFactory: () => ClueRefs.fromEnv() },
    IngestRepository,
    LinkerCache,
    BatchWriter,
    ClueRelinker,
    IngestService,
    QuarantineRepository,
    QuarantineService,
    EnterpriseRepository,
    IntakeOutbox,
  ],
  exports: [IngestService, IngestRepository, QuarantineService, IntakeOutbox, ClueRelinker, EnterpriseRepository, PiiVault, ClueRefs],
})
export class IntakeCoreModule {}

/** The intake service: the core plus its HTTP API, the Platform B inbox and the appeal corrections consumers. */
@Module({
  // Intake also serves the suite's dead letters to the health page: the records it quarantines are the other half of "nothing lost".
  imports: [IntakeCoreModule, CorrectionsModule, OperationsModule.forApp({ app: 'intake', outboxSchema: INTAKE_SCHEMA, deadLetters: true })],
  controllers: [HealthController, IngestController, QuarantineController, EnterpriseController],
  providers: [ClueInboxHandler, VisitResultHandler, ExportUploadTimeout],
})
export class IntakeModule {}
