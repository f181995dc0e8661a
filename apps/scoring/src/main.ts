import 'reflect-metadata';
import { bootstrapHttpApp } from '@tianping/database';
import { ScoringModule } from './scoring.module';

void bootstrapHttpApp('scoring', ScoringModule);
