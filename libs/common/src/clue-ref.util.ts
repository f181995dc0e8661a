import { createHmac, scryptSync } from 'node:crypto';

/** Crockford's base32: no I, L, O or U, so a reference read out on the phone is not misheard. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** `K7M3-9QPD`: eight characters (40 bits) in two groups of four. */
export const CLUE_REF_SHAPE = /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;

/**
 * What an enterprise sees and names in place of a complaint's Platform B id (举报人信息保密): the id
 * (`12345-20240301-0001`) carries the channel, the day and the day's sequence, which can point to who
 * complained. A reference is a keyed hash of the enterprise and the id: the same clue always has the
 * same reference for the same enterprise, it says nothing of the id, and without the key no one can
 * compute one from a guessed id or turn one back. The key comes from TIANPING_CLUE_REF_KEY (intake and
 * oversight must share it); without one a development key is used so the demo still runs.
 */
export class ClueRefs {
  private readonly key: Buffer;

  constructor(secret: string) {
    this.key = scryptSync(secret, 'tianping-clue-ref-v1', 32);
  }

  static fromEnv(env: NodeJS.ProcessEnv = process.env): ClueRefs {
    return new ClueRefs(env.TIANPING_CLUE_REF_KEY || 'tianping-development-key-not-for-production');
  }

  /** The enterprise's reference for one of the clues in its file (the credit code as stored, upper case). */
  of(creditCode: string, clueId: string): string {
    const mac = createHmac('sha256', this.key).update(`${creditCode.toUpperCase()}\u0000${clueId}`).digest();
    let bits = 0n;
    for (const byte of mac.subarray(0, 5)) bits = (bits << 8n) | BigInt(byte);
    let text = '';
    for (let i = 7; i >= 0; i--) text += ALPHABET[Number((bits >> BigInt(i * 5)) & 31n)];
    return `${text.slice(0, 4)}-${text.slice(4)}`;
  }
}

/**
 * Text (an officer's note or reasons) with each clue id in it replaced by its reference: the longest id
 * first, so an id that is the start of another is never replaced inside it.
 */
export function renameClueIds(text: string, refs: ReadonlyMap<string, string>): string {
  const longestFirst = [...refs.keys()].filter(Boolean).sort((a, b) => b.length - a.length);
  return longestFirst.reduce((out, id) => out.split(id).join(refs.get(id)!), text);
}

/** A reference as typed or read out: upper case, `O`→0, `I`/`L`→1, the dash optional. Null when it cannot be one. */
export function normaliseClueRef(typed: string): string | null {
  const plain = typed.trim().toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  const ref = `${plain.slice(0, 4)}-${plain.slice(4)}`;
  return plain.length === 8 && CLUE_REF_SHAPE.test(ref) ? ref : null;
}
