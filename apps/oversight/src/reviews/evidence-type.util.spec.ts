import { servedEvidenceType } from './evidence-type.util';

describe('servedEvidenceType', () => {
  it('serves documents and pictures as claimed, and anything a browser could run as bytes', () => {
    expect(servedEvidenceType('application/pdf')).toBe('application/pdf');
    expect(servedEvidenceType('Image/JPEG')).toBe('image/jpeg');
    for (const risky of ['text/html', 'image/svg+xml', 'application/javascript', 'text/xml', 'application/xhtml+xml'])
      expect(servedEvidenceType(risky)).toBe('application/octet-stream');
  });
});
