import { isSpecificAddress, MIN_SPECIFIC_ADDRESS, normaliseAddress, normaliseName } from './name-normalise.util';
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
 * The distinct texts (normalised names, or normalised addresses) of the subjects, each with the
 * subjects that carry it, and the postings of each `gram`-character piece over those texts, to find
 * the texts that contain a query. Many subjects share a text (a common shop name, a building), so
 * posting each text once keeps postings several times shorter than posting every subject.
 * A text whose last holder moved away stays indexed (unposting it would walk its pieces' postings,
 * long ones for common words) but answers no query, as if it were absent; it is reused if it returns.
 */
class TextIndex {
  private readonly ids = new Map<string, number>();
  private readonly texts: string[] = [];
  private readonly holders: number[][] = [];
  private readonly postings = new Map<string, number[]>();
  /** No substring of a query longer than this can be a known text (texts left without holders count, so it is a bound). */
  private longest = 0;

  /**
   * `gram`: the length of the indexed pieces. Longer pieces are rarer, so a query's shortest posting
   * is shorter, but a query needs at least one: it is the shortest query the index is asked about.
   */
  constructor(private readonly gram: number) {}

  /** Records that `subject` carries `text`; returns the index's copy, so subjects sharing a text share one string. */
  add(subject: number, text: string): string {
    const known = this.ids.get(text);
    if (known !== undefined) {
      // A text that lost its holders is still posted: it only needs its holder back.
      this.holders[known].push(subject);
      return this.texts[known];
    }
    const id = this.texts.length;
    this.ids.set(text, id);
    this.texts.push(text);
    this.holders.push([subject]);
    this.longest = Math.max(this.longest, text.length);
    for (let i = 0; i + this.gram <= text.length; i++) {
      const piece = text.slice(i, i + this.gram);
      const list = this.postings.get(piece);
      if (list === undefined) this.postings.set(piece, [id]);
      // A piece seen earlier in the same text has this id last already: it is posted once.
      else if (list[list.length - 1] !== id) list.push(id);
    }
    return text;
  }

  /** Records that `subject` no longer carries `text`: costs the length of the text's holder list. */
  remove(subject: number, text: string): void {
    const id = this.ids.get(text);
    const list = id === undefined ? [] : this.holders[id];
    const at = list.indexOf(subject);
    if (at < 0) throw new Error('subject does not carry this text');
    // Holder order tells nothing (callers count or deduplicate), so the last one fills the gap.
    list[at] = list[list.length - 1];
    list.pop();
  }

  /** Moves `subject` from text `from` to text `to` ('' is no text: never indexed); returns the index's copy of `to`. */
  move(subject: number, from: string, to: string): string {
    if (from === to) return from;
    if (from !== '') this.remove(subject, from);
    return to === '' ? to : this.add(subject, to);
  }

  /** The subjects whose text is exactly `text` (the index's own list: not to be changed); undefined when none. */
  subjectsWith(text: string): readonly number[] | undefined {
    const id = this.ids.get(text);
    // Callers tell "no such text" from "held by subjects all excluded" by undefined, so an empty list is never returned.
    return id === undefined || this.holders[id].length === 0 ? undefined : this.holders[id];
  }

  /** The subjects carrying any of the texts `ids`; each subject carries one text, so none is listed twice. */
  subjectsOf(ids: Iterable<number>): number[] {
    const subjects: number[] = [];
    for (const id of new Set(ids)) for (const subject of this.holders[id]) subjects.push(subject);
    return subjects;
  }

  textOf(id: number): string {
    return this.texts[id];
  }

  /**
   * Texts that contain `query` (at least `gram` long). A text containing the query contains each of
   * its pieces, so the shortest of their postings holds every answer: its texts are checked one by one,
   * which costs no more than intersecting it with the other postings (long ones, for common words).
   */
  containing(query: string): number[] {
    if (query.length < this.gram) throw new Error(`a query of ${query.length} characters has no indexed piece`);
    let shortest: number[] | undefined;
    for (let i = 0; i + this.gram <= query.length; i++) {
      const list = this.postings.get(query.slice(i, i + this.gram));
      if (list === undefined) return [];
      if (shortest === undefined || list.length < shortest.length) shortest = list;
    }
    return (shortest as number[]).filter((id) => this.holders[id].length > 0 && this.texts[id].includes(query));
  }

  /**
   * Texts that are a substring of `query`, at least `min` long: each substring is looked up, which is
   * quadratic in the query's length (hence MAX_QUERY), but none longer than the longest text.
   */
  containedIn(query: string, min: number): number[] {
    const found: number[] = [];
    for (let start = 0; start + min <= query.length; start++) {
      const last = Math.min(query.length, start + this.longest);
      for (let end = start + min; end <= last; end++) {
        const id = this.ids.get(query.slice(start, end));
        if (id !== undefined && this.holders[id].length > 0) found.push(id);
      }
    }
    return found;
  }
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
  /**
   * Names are looked up from MIN_PARTIAL characters, so they are indexed by pieces that long. Addresses
   * are only looked up when specific, so five characters at least: pieces of five are far rarer than
   * of three in addresses made of a few road names and house numbers.
   */
  private readonly nameIndex = new TextIndex(MIN_PARTIAL);
  private readonly addressIndex = new TextIndex(MIN_SPECIFIC_ADDRESS);

  constructor(subjects: Iterable<LinkableSubject> = []) {
    for (const subject of subjects) this.add(subject);
  }

  get size(): number {
    return this.codes.length;
  }

  has(creditCode: string): boolean {
    return this.byCode.has(creditCode);
  }

  /** True when the subject is known with the same name and address (so the index needs no update). */
  knows(subject: LinkableSubject): boolean {
    const id = this.byCode.get(subject.creditCode);
    if (id === undefined) return false;
    return this.names[id] === normaliseName(subject.name) && this.addresses[id] === addressOf(subject);
  }

  /** Adds a subject not yet known; a known one whose name or address changed is given to `update`. */
  add(subject: LinkableSubject): void {
    if (this.byCode.has(subject.creditCode)) throw new Error('subject already indexed; update it instead');
    const id = this.codes.length;
    const name = normaliseName(subject.name);
    const address = addressOf(subject);
    this.codes.push(subject.creditCode);
    this.names.push(name === '' ? name : this.nameIndex.add(id, name));
    this.addresses.push(address === '' ? address : this.addressIndex.add(id, address));
    this.byCode.set(subject.creditCode, id);
  }

  /**
   * Gives a known subject its new name and address (renamed, moved): it leaves the holders of its old
   * texts for those of the new ones, so it costs those holder lists, not a rebuild from every subject.
   */
  update(subject: LinkableSubject): void {
    const id = this.byCode.get(subject.creditCode);
    if (id === undefined) throw new Error('subject not indexed; add it instead');
    this.names[id] = this.nameIndex.move(id, this.names[id], normaliseName(subject.name));
    this.addresses[id] = this.addressIndex.move(id, this.addresses[id], addressOf(subject));
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
    const excludedIds = this.idsOf(excluded);
    const allowed = (ids: readonly number[] | undefined): readonly number[] | undefined => {
      if (ids === undefined || excludedIds.size === 0) return ids;
      const kept = ids.filter((id) => !excludedIds.has(id));
      return kept.length > 0 ? kept : undefined;
    };
    const name = clue.subjectName === null ? '' : normaliseName(clue.subjectName).slice(0, MAX_QUERY);
    const address = clue.address === null ? '' : normaliseAddress(clue.address).slice(0, MAX_QUERY);
    if (name !== '' && address !== '') return this.byNameAndAddress(name, address, allowed);
    if (name !== '') {
      // A name alone links only when it is exactly one subject's name.
      return this.decide(allowed(this.nameIndex.subjectsWith(name)) ?? []);
    }
    if (address !== '' && isSpecificAddress(address)) return this.decide(allowed(this.addressIndex.subjectsWith(address)) ?? []);
    return { creditCode: null, method: 'none', candidates: 0 };
  }

  private byNameAndAddress(name: string, address: string, allowed: (ids: readonly number[] | undefined) => readonly number[] | undefined): ClueLink {
    const exactNames = allowed(this.nameIndex.subjectsWith(name));
    const named = exactNames ?? allowed(this.partialNameMatches(name)) ?? [];
    const located = isSpecificAddress(address) ? (allowed(this.addressMatches(address)) ?? []) : [];
    const fitting = named.filter((id) => this.addressRelation(id, address) !== 'conflict');
    // A set: at a million subjects an address can match a street's worth of them.
    const at = new Set(located);
    const both = fitting.filter((id) => at.has(id));
    if (both.length > 0) return this.decide(both);
    // The address points at other subjects than the name does: a contradiction, so no link.
    if (located.length > 0) return { creditCode: null, method: 'none', candidates: new Set([...named, ...located]).size };
    // A vague or unregistered address does not contradict an exact, unique name.
    if (exactNames !== undefined) return this.decide(fitting);
    return { creditCode: null, method: 'none', candidates: fitting.length };
  }

  /** The ids of the known subjects among `codes`: a clue's exclusions are a handful, and ids are cheaper to compare than codes. */
  private idsOf(codes: ReadonlySet<string>): Set<number> {
    const ids = new Set<number>();
    for (const code of codes) {
      const id = this.byCode.get(code);
      if (id !== undefined) ids.add(id);
    }
    return ids;
  }

  private decide(ids: readonly number[]): ClueLink {
    const unique = new Set(ids);
    if (unique.size === 1) return { creditCode: this.codes[ids[0]], method: 'name_address', candidates: 1 };
    return { creditCode: null, method: 'none', candidates: unique.size };
  }

  /** Subjects whose name contains the clue's, or whose name the clue's contains (both at least MIN_PARTIAL long). */
  private partialNameMatches(name: string): number[] {
    if (name.length < MIN_PARTIAL) return [];
    const index = this.nameIndex;
    return index.subjectsOf([...index.containing(name), ...index.containedIn(name, MIN_PARTIAL)]);
  }

  /** Subjects at the clue's address: equal, or one address containing the other (both specific). */
  private addressMatches(address: string): number[] {
    const index = this.addressIndex;
    const within = index.containedIn(address, MIN_SPECIFIC_ADDRESS).filter((id) => isSpecificAddress(index.textOf(id)));
    return index.subjectsOf([...index.containing(address), ...within]);
  }

  private addressRelation(id: number, clueAddress: string): AddressRelation {
    const own = this.addresses[id];
    if (own === '' || !isSpecificAddress(clueAddress) || !isSpecificAddress(own)) return 'unknown';
    return own.includes(clueAddress) || clueAddress.includes(own) ? 'match' : 'conflict';
  }
}

/** A subject's normalised address; '' when it has none (such a subject is not indexed by address). */
function addressOf(subject: LinkableSubject): string {
  return subject.address === null ? '' : normaliseAddress(subject.address);
}
