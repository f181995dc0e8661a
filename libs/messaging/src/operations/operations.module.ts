import { Module, type DynamicModule, type Type } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AppName } from '@tianping/common';
import { DeadLettersController } from './dead-letters.controller';
import { OperationsController } from './operations.controller';
import { OPERATIONS_APP, OperationsService, OUTBOX_SOURCES } from './operations.service';
import { OutboxTable, type OutboxSource } from './outbox-status';

export interface OperationsOptions {
  app: Exclude<AppName, 'web'>;
  /** The schema of the app's outbox table (`<schema>.outbox`). */
  outboxSchema: string;
  /** Other outboxes of the app (scoring's score outbox), as providers. */
  moreOutboxes?: Type<OutboxSource>[];
  /** This app serves the suite's dead letters (one app does). */
  deadLetters?: boolean;
}

/** `GET /ops/status` (and, in one app, `/ops/dead-letters`) for the health page; every app with an outbox mounts it. */
@Module({})
export class OperationsModule {
  static forApp(options: OperationsOptions): DynamicModule {
    const more = options.moreOutboxes ?? [];
    return {
      module: OperationsModule,
      controllers: [OperationsController, ...(options.deadLetters ? [DeadLettersController] : [])],
      providers: [
        ...more,
        { provide: OPERATIONS_APP, useValue: options.app },
        {
          provide: OUTBOX_SOURCES,
          inject: [DataSource, ...more],
          useFactory: (dataSource: DataSource, ...others: OutboxSource[]) => [new OutboxTable(dataSource, options.outboxSchema), ...others],
        },
        OperationsService,
      ],
    };
  }
}
