import 'reflect-metadata';
import { bootstrapHttpApp } from '@tianping/database';
import { DispatchModule } from './dispatch.module';

void bootstrapHttpApp('dispatch', DispatchModule);
