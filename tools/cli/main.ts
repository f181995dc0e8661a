import 'reflect-metadata';
import { Command } from 'commander';
import { registerGenerateCommand } from './generate.command';
import { registerIntakeCommands } from './intake.commands';
import { registerMigrateCommand } from './migrate.command';
import { registerStartCommand } from './start/start.command';
import { registerStatusCommand } from './status.command';

const program = new Command('tianping').description('Tianping (天平): risk-based inspection, explained and accountable');
registerStartCommand(program);
registerStatusCommand(program);
registerGenerateCommand(program);
registerIntakeCommands(program);
registerMigrateCommand(program);
void program.parseAsync(process.argv);
