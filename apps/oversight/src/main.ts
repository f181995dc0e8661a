import 'reflect-metadata';
import { bootstrapHttpApp } from '@tianping/database';
import { OversightModule } from './oversight.module';

void bootstrapHttpApp('oversight', OversightModule);
