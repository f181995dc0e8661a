import { distanceKm, orderRoute, pathLengthKm } from './route.util';

describe('route ordering', () => {
  it('measures great-circle distance: one degree of latitude is about 111 km', () => {
    expect(distanceKm({ lng: 113, lat: 23 }, { lng: 113, lat: 24 })).toBeCloseTo(111.2, 0);
    expect(distanceKm({ lng: 113, lat: 23 }, {})).toBe(0);
  });

  it('starts at the first stop and never does worse than the given order', () => {
    const stops = [
      { lng: 0, lat: 0 },
      { lng: 0.03, lat: 0 },
      { lng: 0.01, lat: 0.001 },
      { lng: 0.02, lat: -0.001 },
      { lng: 0.005, lat: 0.02 },
    ];
    const order = orderRoute(stops);
    expect(order[0]).toBe(0);
    expect([...order].sort()).toEqual([0, 1, 2, 3, 4]);
    expect(pathLengthKm(order.map((i) => stops[i]))).toBeLessThan(pathLengthKm(stops));
  });

  it('uncrosses a zig-zag along a line into a straight walk', () => {
    const stops = [0, 4, 1, 3, 2].map((x) => ({ lng: x / 100, lat: 0 }));
    const order = orderRoute(stops);
    expect(order.map((i) => stops[i].lng)).toEqual([0, 0.01, 0.02, 0.03, 0.04]);
  });

  it('puts stops without coordinates last and measures only the located legs: an unknown place is no shortcut', () => {
    const stops = [{ lng: 0, lat: 0 }, {}, { lng: 0.02, lat: 0 }, {}, { lng: 0.01, lat: 0 }];
    const order = orderRoute(stops);
    expect(order).toEqual([0, 4, 2, 1, 3]);
    // 0 → (unknown) → 0.02 → (unknown) → 0.01 is 0.02 + 0.01 degrees of longitude, not 0 km.
    expect(pathLengthKm(stops)).toBeCloseTo(distanceKm(stops[0], stops[2]) + distanceKm(stops[2], stops[4]), 9);
    expect(pathLengthKm(order.map((i) => stops[i]))).toBeCloseTo(distanceKm(stops[0], stops[2]), 9);
    expect(orderRoute([{}, { lng: 0.01, lat: 0 }, {}])).toEqual([1, 0, 2]);
  });
});
