import type { DataSource } from 'typeorm';
import type { AppName } from '@tianping/common';
import { createIntakeDataSource, INTAKE_SCHEMA } from '../../apps/intake/src/database/intake.data-source';

export interface SuiteApp {
  name: AppName;
  schema: string;
  main: string;
  createDataSource: (url: string) => DataSource;
}

/** The suite's deployable apps, in the order they start. */
export const SUITE_APPS: SuiteApp[] = [
  { name: 'intake', schema: INTAKE_SCHEMA, main: 'apps/intake/src/main.ts', createDataSource: createIntakeDataSource },
];
