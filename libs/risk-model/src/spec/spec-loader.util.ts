import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EnterpriseExtractor, FactorDefinition, FactorSpec } from './factor-spec.model';
import { checkFit, checkSource, checkTableLayout } from './spec-checks.util';

/**
 * What an enterprise cannot change by its conduct: its age, industry and size, and when the bureau last
 * came. A factor computed from one of these is never "what you could change", whatever a spec says.
 */
const NEVER_ACTIONABLE: readonly EnterpriseExtractor[] = [
  'yearsInOperation',
  'industry',
  'registeredCapital',
  'shareholderSubscribedCapital',
  'employees',
  'daysSinceLastInspection',
];

/** The folder holding the specifications shipped with the library. */
export const SPEC_DIR = join(__dirname, '..', '..', 'specs');

export type BuiltInSpec = 'twelve-factor' | 'chicago-enterprise' | 'chicago-with-team';

export function loadBuiltInSpec(name: BuiltInSpec): FactorSpec {
  return loadSpecFile(join(SPEC_DIR, `${name}.json`));
}

export function loadSpecFile(path: string): FactorSpec {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    throw new Error(`spec file ${path} is not valid JSON: ${error.message}`, { cause: error });
  }
  return parseSpec(raw);
}

/** Checks the shape a spec must have; a bad spec fails loudly before any fit. */
export function parseSpec(raw: unknown): FactorSpec {
  const spec = raw as FactorSpec;
  if (!spec || typeof spec !== 'object') throw new Error('factor spec must be an object');
  if (!spec.id || !spec.version) throw new Error('factor spec needs id and version');
  if (!Array.isArray(spec.factors) || spec.factors.length === 0) throw new Error(`spec ${spec.id} has no factors`);
  const seen = new Set<string>();
  for (const factor of spec.factors) {
    checkFactor(spec.id, factor);
    if (seen.has(factor.name)) throw new Error(`spec ${spec.id}: factor ${factor.name} appears twice`);
    seen.add(factor.name);
  }
  checkFit(spec.id, spec.fit);
  checkTableLayout(spec.id, spec.table);
  if (spec.nuisance && seen.has(spec.nuisance.name)) {
    throw new Error(`spec ${spec.id}: nuisance ${spec.nuisance.name} may not also be a factor`);
  }
  return spec;
}

/**
 * An enterprise told to move an actionable factor one way must never raise its risk by doing so, whatever
 * the data: the fitted shape is held to that direction. Left free, a fit can learn the opposite from
 * confounding (on a generated city, more subjects at one address came out lowering the risk, though the
 * truth raises it), and the explanation would then contradict the advice.
 */
function checkAdviceHolds(where: string, factor: FactorDefinition): void {
  const direction = factor.lowerRiskDirection ?? 'any';
  if (!factor.actionable || direction === 'any' || factor.kind === 'categorical') return;
  const shape = direction === 'decrease' ? 'increasing' : 'decreasing';
  if (factor.monotone !== shape) {
    throw new Error(`${where}: an enterprise is told to ${direction} it to lower its risk, so its shape must be "monotone": "${shape}"`);
  }
}

function checkFactor(specId: string, factor: FactorDefinition): void {
  const where = `spec ${specId}, factor ${factor.name}`;
  if (!factor.name) throw new Error(`spec ${specId}: a factor has no name`);
  if (!['numeric', 'categorical', 'boolean'].includes(factor.kind)) throw new Error(`${where}: kind must be "numeric", "categorical" or "boolean"`);
  if (!factor.label?.zh || !factor.label?.en) throw new Error(`${where}: needs zh and en labels`);
  if (!factor.reason?.zh || !factor.reason?.en) throw new Error(`${where}: needs zh and en reason templates`);
  if (factor.actionable && (!factor.change?.zh || !factor.change?.en)) {
    throw new Error(`${where}: an actionable factor needs zh and en change text`);
  }
  if (factor.actionable && factor.source?.from === 'enterprise' && NEVER_ACTIONABLE.includes(factor.source.extractor)) {
    throw new Error(`${where}: ${factor.source.extractor} cannot be actionable (an enterprise cannot change it)`);
  }
  if (factor.monotone !== undefined) {
    if (!['increasing', 'decreasing'].includes(factor.monotone)) throw new Error(`${where}: monotone must be increasing or decreasing`);
    if (factor.kind === 'categorical') throw new Error(`${where}: a categorical factor has no order to be monotone in`);
  }
  checkAdviceHolds(where, factor);
  checkSource(where, factor);
}
