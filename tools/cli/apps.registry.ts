import type { DataSource } from 'typeorm';
import type { AppName } from '@tianping/common';
import { createDispatchDataSource, DISPATCH_SCHEMA } from '../../apps/dispatch/src/database/dispatch.data-source';
import { createIntakeDataSource, INTAKE_SCHEMA } from '../../apps/intake/src/database/intake.data-source';
import { createScoringDataSource, SCORING_SCHEMA } from '../../apps/scoring/src/database/scoring.data-source';
import { createOversightDataSource, OVERSIGHT_SCHEMA } from '../../apps/oversight/src/database/oversight.data-source';
import { createWebDataSource, WEB_SCHEMA } from '../../apps/web/src/database/web.data-source';

export interface SuiteApp {
  name: AppName;
  schema: string;
  main: string;
  createDataSource: (url: string) => DataSource;
}

/** The suite's deployable apps, in the order they start. */
export const SUITE_APPS: SuiteApp[] = [
  { name: 'intake', schema: INTAKE_SCHEMA, main: 'apps/intake/src/main.ts', createDataSource: createIntakeDataSource },
  { name: 'scoring', schema: SCORING_SCHEMA, main: 'apps/scoring/src/main.ts', createDataSource: createScoringDataSource },
  { name: 'dispatch', schema: DISPATCH_SCHEMA, main: 'apps/dispatch/src/main.ts', createDataSource: createDispatchDataSource },
  { name: 'oversight', schema: OVERSIGHT_SCHEMA, main: 'apps/oversight/src/main.ts', createDataSource: createOversightDataSource },
  { name: 'web', schema: WEB_SCHEMA, main: 'apps/web/src/main.ts', createDataSource: createWebDataSource },
];
