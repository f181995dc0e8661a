import { maskIdNumber } from '@tianping/common';

/**
 * Field names whose values are personal data or secrets, compared without case, `_` or `-`:
 * the legal representative and officers (see intake's sealed fields), contact numbers, credentials.
 */
const SENSITIVE_FIELDS = new Set(
  [
    'legal_rep_name',
    'legal_rep_id',
    'legalRepNameSealed',
    'legalRepIdSealed',
    'legalRepIdMasked',
    'id_number',
    'id_card',
    'resident_id',
    'officer_name',
    'name_sealed',
    'phone',
    'mobile',
    'telephone',
    'contact_phone',
    'password',
    'password_hash',
    'token',
    'session_token',
    'cookie',
    'authorization',
    '法定代表人',
    '法定代表人证件号',
    '证件号',
    '身份证号',
    '姓名',
    '联系电话',
    '手机号',
  ].map(fieldKey),
);

function fieldKey(name: string): string {
  return name.toLowerCase().replace(/[_-]/g, '');
}

export function isSensitiveField(name: string): boolean {
  return SENSITIVE_FIELDS.has(fieldKey(name));
}

// A resident ID (18 digits, the last may be X; or the old 15) with a plausible birth date, not part of a longer code.
const RESIDENT_ID =
  /(?<![0-9A-Za-z])[1-9]\d{5}(?:(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[0-9Xx]|\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3})(?![0-9A-Za-z])/g;
// A mainland mobile number (optionally +86) or a landline with its area code and a hyphen.
const PHONE = /(?<![0-9A-Za-z])(?:(?:\+|00)?86[- ]?)?1[3-9]\d[- ]?\d{4}[- ]?\d{4}(?![0-9A-Za-z])|(?<![0-9A-Za-z])0\d{2,3}-\d{7,8}(?![0-9A-Za-z])/g;
// `key: value`, `key=value`, `"key":"value"` for a sensitive key: the value is replaced, the key kept.
const KEYED_VALUE = /(["']?)([\p{L}\p{N}_-]+)\1(\s*[:=：]\s*)("(?:[^"\\]|\\.)*"|'[^']*'|[^\s,;，；}\]&]+)/gu;

const MASK = '***';

function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  return `${digits.slice(0, digits.length - 8)}****${digits.slice(-4)}`;
}

/** Masks resident ID numbers, phone numbers and the values of personal-data fields in free text. */
export function redactText(text: string): string {
  return text
    .replace(KEYED_VALUE, (whole, quote: string, key: string, sep: string, value: string) =>
      isSensitiveField(key) ? `${quote}${key}${quote}${sep}${value.startsWith('"') ? `"${MASK}"` : MASK}` : whole,
    )
    .replace(RESIDENT_ID, (id) => maskIdNumber(id) ?? MASK)
    .replace(PHONE, maskPhone);
}

/**
 * A copy of a value to log: sensitive fields masked at any depth, every string redacted, and a number
 * that reads as a phone or ID number (JSON from outside may send one so) masked as its text would be.
 */
export function redactValue(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return redactText(value);
  if (typeof value === 'number') {
    const text = String(value);
    const masked = redactText(text);
    return masked === text ? value : masked;
  }
  if (value === null || typeof value !== 'object') return value;
  if (depth > 8) return '[deep]';
  if (value instanceof Error) {
    const copy = new Error(redactText(value.message));
    copy.name = value.name;
    copy.stack = value.stack === undefined ? undefined : redactText(value.stack);
    return copy;
  }
  if (Array.isArray(value)) return value.map((item) => redactValue(item, depth + 1));
  if (value instanceof Date || Buffer.isBuffer(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value))
    out[key] = isSensitiveField(key) && item !== null && item !== undefined ? MASK : redactValue(item, depth + 1);
  return out;
}
