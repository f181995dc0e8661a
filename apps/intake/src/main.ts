import 'reflect-metadata';
import { bootstrapHttpApp } from '@tianping/database';
import { IntakeModule } from './intake.module';

void bootstrapHttpApp('intake', IntakeModule);
