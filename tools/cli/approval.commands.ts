import type { Command } from 'commander';
import type { ApprovalSubjectKind } from '@tianping/contracts';
import type { ApprovalStatus, SignOffDecision, SignOffRole } from '../../apps/oversight/src/approvals/approvals.repository';
import { ApprovalsService } from '../../apps/oversight/src/approvals/approvals.service';
import { withOversight } from './oversight-context';
import { printResult, runCommand } from './output.util';

const KINDS: Record<string, ApprovalSubjectKind> = { model: 'model-version', 'colour-policy': 'colour-policy' };

interface SignOptions {
  actor: string;
  role: string;
  decision: string;
  reasons: string;
}

/** The same checks as the HTTP API's DTO. */
function checkedSignOff(opts: SignOptions): { actor: string; role: SignOffRole; decision: SignOffDecision; reasons: string } {
  const actor = opts.actor.trim();
  const reasons = opts.reasons.trim();
  if (!actor) throw new Error('--actor must not be empty');
  if (opts.role !== 'technical' && opts.role !== 'legal') throw new Error(`--role must be technical or legal, got "${opts.role}"`);
  if (opts.decision !== 'approve' && opts.decision !== 'reject') throw new Error(`--decision must be approve or reject, got "${opts.decision}"`);
  if (reasons.length < 5) throw new Error('--reasons must be at least 5 characters');
  return { actor, role: opts.role, decision: opts.decision, reasons };
}

export function registerApprovalCommands(program: Command): void {
  const approval = program
    .command('approval')
    .description('four-eyes approval of model versions (technical and legal sign-off) and colour policies (legal sign-off), in oversight');
  approval
    .command('list')
    .description('pending requests first, then decided ones, with who proposed, built and signed each')
    .option('--status <status>', 'pending, approved or rejected')
    .option('--kind <kind>', 'model or colour-policy')
    .action((opts: { status?: string; kind?: string }) =>
      runCommand(async () => {
        if (opts.status && !['pending', 'approved', 'rejected'].includes(opts.status))
          throw new Error(`--status must be pending, approved or rejected, got "${opts.status}"`);
        if (opts.kind && !KINDS[opts.kind]) throw new Error(`--kind must be model or colour-policy, got "${opts.kind}"`);
        const approvals = await withOversight((app) =>
          app.get(ApprovalsService).list({ status: opts.status as ApprovalStatus | undefined, subjectKind: opts.kind ? KINDS[opts.kind] : undefined }),
        );
        printResult({ command: 'approval list', approvals });
      }),
    );
  approval
    .command('sign <kind> <version>')
    .description('sign off a model version (kind "model") or colour policy (kind "colour-policy"); kept in the record')
    .requiredOption('--actor <id>', 'who signs (not who trained or proposed it; one role per person)')
    .requiredOption('--role <role>', 'technical or legal')
    .requiredOption('--decision <decision>', 'approve or reject')
    .requiredOption('--reasons <text>', 'why (at least 5 characters; kept in the record)')
    .action((kind: string, version: string, opts: SignOptions) =>
      runCommand(async () => {
        const subjectKind = KINDS[kind];
        if (!subjectKind) throw new Error(`kind must be model or colour-policy, got "${kind}"`);
        const act = checkedSignOff(opts);
        // Written with its record entries and outbox row; the running oversight service publishes the grant to scoring.
        const request = await withOversight((app) => app.get(ApprovalsService).signOff(subjectKind, version, act));
        printResult({ command: 'approval sign', ...request });
      }),
    );
}
