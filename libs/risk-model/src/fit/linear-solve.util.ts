/** Solves A x = b for a symmetric positive-definite A (row-major, k×k) by Cholesky. */
export function solveSpd(A: Float64Array, b: Float64Array, k: number): Float64Array {
  const L = new Float64Array(k * k);
  for (let i = 0; i < k; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = A[i * k + j];
      for (let p = 0; p < j; p++) sum -= L[i * k + p] * L[j * k + p];
      if (i === j) {
        // A tiny jitter keeps a numerically semi-definite system solvable.
        L[i * k + i] = Math.sqrt(Math.max(sum, 1e-12));
      } else {
        L[i * k + j] = sum / L[j * k + j];
      }
    }
  }
  const y = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    let sum = b[i];
    for (let p = 0; p < i; p++) sum -= L[i * k + p] * y[p];
    y[i] = sum / L[i * k + i];
  }
  const x = new Float64Array(k);
  for (let i = k - 1; i >= 0; i--) {
    let sum = y[i];
    for (let p = i + 1; p < k; p++) sum -= L[p * k + i] * x[p];
    x[i] = sum / L[i * k + i];
  }
  return x;
}
