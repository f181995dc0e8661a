/**
 * A stop on a route. A stop without coordinates is not guessed at: it is not measured (it neither
 * adds to a route's length nor shortens the legs around it) and it goes to the end of its route,
 * where the officers find it by its address.
 */
export interface Stop {
  lng?: number;
  lat?: number;
}

export function isLocated(stop: Stop): stop is Required<Stop> {
  return stop.lng !== undefined && stop.lat !== undefined;
}

const EARTH_RADIUS_KM = 6371;

/** Great-circle distance; 0 when either stop has no coordinates (callers measure located stops only). */
export function distanceKm(a: Stop, b: Stop): number {
  if (!isLocated(a) || !isLocated(b)) return 0;
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Length of the open path through the located stops in the given order (stops without coordinates are skipped). */
export function pathLengthKm(stops: readonly Stop[]): number {
  let total = 0;
  let previous: Stop | null = null;
  for (const stop of stops) {
    if (!isLocated(stop)) continue;
    if (previous) total += distanceKm(previous, stop);
    previous = stop;
  }
  return total;
}

/**
 * Orders stops for an open path starting at the first located one: nearest neighbour, then 2-opt
 * until no reversal shortens it; stops without coordinates follow, in the order given. Returns
 * indices into `stops`.
 */
export function orderRoute(stops: readonly Stop[]): number[] {
  const located = stops.flatMap((s, i) => (isLocated(s) ? [i] : []));
  const unlocated = stops.flatMap((s, i) => (isLocated(s) ? [] : [i]));
  if (located.length <= 2) return [...located, ...unlocated];
  const points = located.map((i) => stops[i]);
  const order = nearestNeighbour(points);
  twoOpt(points, order);
  return [...order.map((k) => located[k]), ...unlocated];
}

function nearestNeighbour(stops: readonly Stop[]): number[] {
  const left = new Set(stops.map((_, i) => i));
  const order = [0];
  left.delete(0);
  while (left.size > 0) {
    const last = stops[order[order.length - 1]];
    let best = -1;
    let bestDistance = Infinity;
    for (const i of left) {
      const d = distanceKm(last, stops[i]);
      if (d < bestDistance) [best, bestDistance] = [i, d];
    }
    order.push(best);
    left.delete(best);
  }
  return order;
}

/** 2-opt for an open path with a fixed start: reverse order[i..j] when that shortens the path. */
function twoOpt(stops: readonly Stop[], order: number[]): void {
  const d = (a: number, b: number) => distanceKm(stops[order[a]], stops[order[b]]);
  const n = order.length;
  for (let improved = true, passes = 0; improved && passes < 50; passes++) {
    improved = false;
    for (let i = 1; i < n - 1; i++) {
      for (let j = i + 1; j < n; j++) {
        const before = d(i - 1, i) + (j + 1 < n ? d(j, j + 1) : 0);
        const after = d(i - 1, j) + (j + 1 < n ? d(i, j + 1) : 0);
        if (after < before - 1e-9) {
          reverse(order, i, j);
          improved = true;
        }
      }
    }
  }
}

function reverse(order: number[], i: number, j: number): void {
  for (let a = i, b = j; a < b; a++, b--) [order[a], order[b]] = [order[b], order[a]];
}
