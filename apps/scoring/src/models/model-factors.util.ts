import { modelFromJson, type LocalText } from '@tianping/risk-model';

export interface ModelFactor {
  name: string;
  label: LocalText;
  kind: string;
  /** Where the value comes from: an enterprise extractor's name, or "column" / "history" in a flat table's spec. */
  source: string;
  actionable: boolean;
  monotone: 'increasing' | 'decreasing' | null;
  /** The smallest and largest contribution the factor can make, on the log-odds scale (exact: the model is additive). */
  effect: { low: number; high: number };
}

/** A model version's factors as a reviewer reads them, from its stored model. */
export function modelFactors(json: string): { version: string; specId: string; factors: ModelFactor[] } {
  const model = modelFromJson(json);
  return {
    version: model.version,
    specId: model.spec.id,
    factors: model.spec.factors.map((f, i) => ({
      name: f.name,
      label: f.label,
      kind: f.kind,
      source: f.source.from === 'enterprise' ? f.source.extractor : f.source.from,
      actionable: f.actionable,
      monotone: f.monotone ?? null,
      effect: { low: Math.min(...model.terms[i]), high: Math.max(...model.terms[i]) },
    })),
  };
}
