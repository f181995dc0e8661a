import { createCipheriv, createDecipheriv, createHmac, randomFillSync, scryptSync } from 'node:crypto';

/**
 * Personal data (法定代表人, 证件号, officers' names) is stored encrypted (AES-256-GCM) and,
 * where it must be matched, as a keyed hash; it is shown masked. The key comes from
 * TIANPING_PII_KEY; without one, a development key is derived so the demo still runs.
 */
export class PiiVault {
  private readonly encKey: Buffer;
  private readonly macKey: Buffer;

  constructor(secret: string) {
    const master = scryptSync(secret, 'tianping-pii-v1', 64);
    this.encKey = master.subarray(0, 32);
    this.macKey = master.subarray(32);
  }

  static fromEnv(env: NodeJS.ProcessEnv = process.env): PiiVault {
    return new PiiVault(env.TIANPING_PII_KEY || 'tianping-development-key-not-for-production');
  }

  encrypt(plain: string | null | undefined): string | null {
    if (plain === null || plain === undefined || plain === '') return null;
    const iv = nextIv();
    const cipher = createCipheriv('aes-256-gcm', this.encKey, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return `v1:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')}`;
  }

  decrypt(sealed: string | null): string | null {
    if (!sealed) return null;
    const raw = Buffer.from(sealed.slice(3), 'base64');
    const decipher = createDecipheriv('aes-256-gcm', this.encKey, raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
  }

  /** A keyed hash: lets the same ID number be recognised without storing it. */
  keyedHash(plain: string | null | undefined): string | null {
    if (!plain) return null;
    return createHmac('sha256', this.macKey).update(plain).digest('hex');
  }
}

const IV_BYTES = 12;
/** Random IVs drawn 4 KiB at a time: one draw per seal cost as much as the cipher itself (about 5 µs). */
const ivPool = Buffer.allocUnsafe(IV_BYTES * 341);
let ivUsed = ivPool.length;

/** A fresh random 96-bit IV for AES-GCM; the cipher copies it, so a view into the pool serves. */
function nextIv(): Buffer {
  if (ivUsed + IV_BYTES > ivPool.length) {
    randomFillSync(ivPool);
    ivUsed = 0;
  }
  ivUsed += IV_BYTES;
  return ivPool.subarray(ivUsed - IV_BYTES, ivUsed);
}

/** `440604198703150018` → `4406**********0018`. */
export function maskIdNumber(id: string | null | undefined): string | null {
  if (!id) return null;
  if (id.length <= 8) return '*'.repeat(id.length);
  return id.slice(0, 4) + '*'.repeat(id.length - 8) + id.slice(-4);
}

/** `陈明` → `陈*`, `欧阳小明` → `欧***`. */
export function maskName(name: string | null | undefined): string | null {
  if (!name) return null;
  const chars = Array.from(name);
  return chars[0] + '*'.repeat(Math.max(1, chars.length - 1));
}
