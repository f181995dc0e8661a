/**
 * Types an evidence file is served as when the enterprise said so: documents and pictures a browser
 * shows or saves but never runs. Anything else (text/html, image/svg+xml, scripts) is served as
 * bytes to save, whatever the filer claimed.
 */
const SHOWN_AS_CLAIMED = new Set([
  'application/pdf',
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'text/plain',
  'text/csv',
  'application/zip',
  'application/msword',
  'application/vnd.ms-excel',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
]);

export function servedEvidenceType(claimed: string): string {
  const type = claimed.trim().toLowerCase();
  return SHOWN_AS_CLAIMED.has(type) ? type : 'application/octet-stream';
}
