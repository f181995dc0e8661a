import { makerOfSource, visitResultSource } from './record-maker.util';

describe('who made the records of a load', () => {
  it("knows a visit's results by their source, and takes every export for a platform's", () => {
    expect(makerOfSource(visitResultSource('6f1c0f7e-0000-4000-8000-000000000085'))).toBe('tianping');
    expect(makerOfSource('http')).toBe('platform');
    expect(makerOfSource('/data/exports/cases.csv')).toBe('platform');
    expect(makerOfSource('samples/dispatch-cases.csv')).toBe('platform');
  });
});
