import { isSpecificAddress, normaliseAddress, normaliseName } from './name-normalise.util';
import { ClueRecord } from './intake.model';

export interface LinkableSubject {
  creditCode: string;
  name: string;
  address: string | null;
}

export type LinkMethod = 'credit_code' | 'name_address' | 'none';

export interface ClueLink {
  creditCode: string | null;
  method: LinkMethod;
  /** How many subjects fitted: 1 when linked, more when ambiguous, 0 when nothing fitted. */
  candidates: number;
}

type AddressRelation = 'match' | 'conflict' | 'unknown';

/** Names and addresses shorter than this are too common to match on a substring. */
const MIN_PARTIAL = 3;
/** Substring enumeration is quadratic in length; longer strings are cut (they are free text from citizens). */
const MAX_QUERY = 48;
const NO_EXCLUSIONS: ReadonlySet<string> = new Set();

/**
 * Postings of each character trigram, to find the subjects whose text contains a query. Trigrams,
 * not bigrams: at a million subjects a two-character word is shared by tens of thousands of them.
 */
const GRAM = 3;

class GramIndex {
  private readonly postings = new Map<string, number[]>();

  add(id: number, text: string): void {
    const seen = new Set<string>();
    for (let i = 0; i + GRAM <= text.length; i++) {
      const gram = text.slice(i, i + GRAM);
      if (seen.has(gram)) continue;
      seen.add(gram);
      const list = this.postings.get(gram);
      if (list === undefined) this.postings.set(gram, [id]);
      else list.push(id);
    }
  }

  /**
   * Ids whose text contains `query` (query ≥ GRAM characters), given each id's text. The postings of
   * all the query's trigrams are intersected, rarest first (by binary search: postings are ascending),
   * so a query made of common words does not scan a long list.
   */
  containing(query: string, textOf: (id: number) => string): number[] {
    const lists: number[][] = [];
    for (let i = 0; i + GRAM <= query.length; i++) {
      const list = this.postings.get(query.slice(i, i + GRAM));
      if (list === undefined) return [];
      lists.push(list);
    }
    if (lists.length === 0) return [];
    lists.sort((a, b) => a.length - b.length);
    let candidates = lists[0];
    for (let i = 1; i < lists.length && candidates.length > 1; i++) {
      const list = lists[i];
      candidates = candidates.filter((id) => sortedHas(list, id));
    }
    return candidates.filter((id) => textOf(id).includes(query));
  }
}

function sortedHas(list: number[], id: number): boolean {
  let low = 0;
  let high = list.length - 1;
  while (low <= high) {
    const mid = (low + high) >>> 1;
    if (list[mid] === id) return true;
    if (list[mid] < id) low = mid + 1;
    else high = mid - 1;
  }
  return false;
}

function pushAll(map: Map<string, number[]>, key: string, id: number): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [id]);
  else list.push(id);
}

/**
 * Links clues to market subjects: by a valid, known credit code, else by normalised name and address
 * when exactly one subject fits and nothing contradicts; otherwise the clue stays unlinked (and visible).
 */
export class ClueLinker {
  private readonly codes: string[] = [];
  private readonly names: string[] = [];
  private readonly addresses: string[] = [];
  private readonly byCode = new Map<string, number>();
  private readonly byName = new Map<string, number[]>();
  private readonly byAddress = new Map<string, number[]>();
  private readonly nameGrams = new GramIndex();
  private readonly addressGrams = new GramIndex();

  constructor(subjects: Iterable<LinkableSubject> = []) {
    for (const subject of subjects) this.add(subject);
  }

  get size(): number {
    return this.codes.length;
  }

  has(creditCode: string): boolean {
    return this.byCode.has(creditCode);
  }

  /** True when the subject is known with the same name and address (so the index needs no rebuild). */
  knows(subject: LinkableSubject): boolean {
    const id = this.byCode.get(subject.creditCode);
    if (id === undefined) return false;
    const address = subject.address === null ? '' : normaliseAddress(subject.address);
    return this.names[id] === normaliseName(subject.name) && this.addresses[id] === address;
  }

  /** Adds a subject not yet known; a known one whose name or address changed needs a new linker. */
  add(subject: LinkableSubject): void {
    if (this.byCode.has(subject.creditCode)) throw new Error('subject already indexed; build a new linker to change it');
    const id = this.codes.length;
    const name = normaliseName(subject.name);
    const address = subject.address === null ? '' : normaliseAddress(subject.address);
    this.codes.push(subject.creditCode);
    this.names.push(name);
    this.addresses.push(address);
    this.byCode.set(subject.creditCode, id);
    if (name !== '') {
      pushAll(this.byName, name, id);
      this.nameGrams.add(id, name);
    }
    if (address !== '') {
      pushAll(this.byAddress, address, id);
      this.addressGrams.add(id, address);
    }
  }

  /**
   * `excluded`: enterprises the clue must never be linked to (an appeal found it is not about
   * them). The linker decides as if they were not registered, so the evidence may still point at
   * another enterprise.
   */
  link(clue: ClueRecord, excluded: ReadonlySet<string> = NO_EXCLUSIONS): ClueLink {
    const code = clue.creditCode;
    if (clue.creditCodeValid && code !== null && this.byCode.has(code) && !excluded.has(code)) {
      return { creditCode: code, method: 'credit_code', candidates: 1 };
    }
    const allowed = (ids: number[] | undefined): number[] | undefined => {
      if (ids === undefined || excluded.size === 0) return ids;
      const kept = ids.filter((id) => !excluded.has(this.codes[id]));
      return kept.length > 0 ? kept : undefined;
    };
    const name = clue.subjectName === null ? '' : normaliseName(clue.subjectName).slice(0, MAX_QUERY);
    const address = clue.address === null ? '' : normaliseAddress(clue.address).slice(0, MAX_QUERY);
    if (name !== '' && address !== '') return this.byNameAndAddress(name, address, allowed);
    if (name !== '') {
      // A name alone links only when it is exactly one subject's name.
      return this.decide(allowed(this.byName.get(name)) ?? []);
    }
    if (address !== '' && isSpecificAddress(address)) return this.decide(allowed(this.byAddress.get(address)) ?? []);
    return { creditCode: null, method: 'none', candidates: 0 };
  }

  private byNameAndAddress(name: string, address: string, allowed: (ids: number[] | undefined) => number[] | undefined): ClueLink {
    const exactNames = allowed(this.byName.get(name));
    const named = exactNames ?? allowed(this.partialNameMatches(name)) ?? [];
    const located = isSpecificAddress(address) ? (allowed(this.addressMatches(address)) ?? []) : [];
    const fitting = named.filter((id) => this.addressRelation(id, address) !== 'conflict');
    const both = fitting.filter((id) => located.includes(id));
    if (both.length > 0) return this.decide(both);
    // The address points at other subjects than the name does: a contradiction, so no link.
    if (located.length > 0) return { creditCode: null, method: 'none', candidates: new Set([...named, ...located]).size };
    // A vague or unregistered address does not contradict an exact, unique name.
    if (exactNames !== undefined) return this.decide(fitting);
    return { creditCode: null, method: 'none', candidates: fitting.length };
  }

  private decide(ids: readonly number[]): ClueLink {
    const unique = new Set(ids);
    if (unique.size === 1) return { creditCode: this.codes[ids[0]], method: 'name_address', candidates: 1 };
    return { creditCode: null, method: 'none', candidates: unique.size };
  }

  /** Subjects whose name contains the clue's, or whose name the clue's contains (both at least MIN_PARTIAL long). */
  private partialNameMatches(name: string): number[] {
    if (name.length < MIN_PARTIAL) return [];
    const found = new Set(this.nameGrams.containing(name, (id) => this.names[id]));
    for (const id of this.containedIn(name, this.byName)) found.add(id);
    return [...found];
  }

  /** Subjects at the clue's address: equal, or one address containing the other (both specific). */
  private addressMatches(address: string): number[] {
    const found = new Set(this.addressGrams.containing(address, (id) => this.addresses[id]));
    for (const id of this.containedIn(address, this.byAddress)) {
      if (isSpecificAddress(this.addresses[id])) found.add(id);
    }
    return [...found];
  }

  /** Ids whose key is a substring of `text` (at least MIN_PARTIAL long). */
  private containedIn(text: string, index: Map<string, number[]>): number[] {
    const ids: number[] = [];
    for (let start = 0; start < text.length; start++) {
      for (let end = start + MIN_PARTIAL; end <= text.length; end++) {
        const hit = index.get(text.slice(start, end));
        if (hit !== undefined) ids.push(...hit);
      }
    }
    return ids;
  }

  private addressRelation(id: number, clueAddress: string): AddressRelation {
    const own = this.addresses[id];
    if (own === '' || !isSpecificAddress(clueAddress) || !isSpecificAddress(own)) return 'unknown';
    return own.includes(clueAddress) || clueAddress.includes(own) ? 'match' : 'conflict';
  }
}
