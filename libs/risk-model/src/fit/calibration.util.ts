import { LogitCalibration } from '../model/gam.model';

/**
 * Platt scaling: fits p = σ(a·z + o) to held-out labels by Newton's method on two parameters.
 * An affine map of the logit keeps the model additive once folded in. The slope is kept positive
 * so calibration never reverses the ranking. As Platt (1999) prescribes, the targets are not 0 and 1
 * but 1/(N₋+2) and (N₊+1)/(N₊+2): a small split whose few violations the model happens to rank on
 * top (separable, so hard targets have no optimum) cannot push the slope without bound and the
 * probabilities to certainty; on a large split the targets are all but 0 and 1.
 */
export function fitLogitCalibration(logits: ArrayLike<number>, labels: ArrayLike<number>): LogitCalibration {
  let a = 1;
  let o = 0;
  const n = logits.length;
  if (n === 0) return { slope: 1, offset: 0 };
  let positives = 0;
  for (let i = 0; i < n; i++) if (labels[i] > 0) positives++;
  const high = (positives + 1) / (positives + 2);
  const low = 1 / (n - positives + 2);
  for (let step = 0; step < 50; step++) {
    let ga = 0;
    let go = 0;
    let haa = 1e-6;
    let hao = 0;
    let hoo = 1e-6;
    for (let i = 0; i < n; i++) {
      const z = logits[i];
      const p = 1 / (1 + Math.exp(-(a * z + o)));
      const r = p - (labels[i] > 0 ? high : low);
      const w = p * (1 - p);
      ga += r * z;
      go += r;
      haa += w * z * z;
      hao += w * z;
      hoo += w;
    }
    const det = haa * hoo - hao * hao;
    if (det <= 0) break;
    const da = (hoo * ga - hao * go) / det;
    const dO = (haa * go - hao * ga) / det;
    a -= da;
    o -= dO;
    if (Math.abs(da) + Math.abs(dO) < 1e-10) break;
  }
  if (!(a > 0) || !Number.isFinite(o)) return { slope: 1, offset: 0 };
  return { slope: a, offset: o };
}
