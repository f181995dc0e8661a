import type { Prng } from '@tianping/common';
import { formatIsoOffset } from './calendar.util';
import { mistypeCreditCode } from './credit-code-minter.util';
import { DEPARTMENTS, DEPARTMENT_CODES, type DepartmentCode } from './department.data';
import type { Enterprise } from './enterprise.model';
import { DISTRICTS } from './foshan-geography.data';
import type { ClueChannel, Complaint } from './violation-process.util';

/** How a correct intake should link the clue, for the truth file. */
export type ClueLink = 'code' | 'name' | 'ambiguous' | 'unlinkable';

export interface ClueObject {
  clue_id: string;
  channel: string;
  received_at: string;
  credit_code?: string;
  subject_name?: string;
  address?: string;
  category: string;
  department: string;
  verified: boolean | null;
  status: 'pending' | 'handled' | 'closed';
  updated_at: string;
}

export interface ClueRecord {
  newest: ClueObject;
  /** The first, pending version, when the clue was handled later. */
  pending: ClueObject | null;
  link: ClueLink;
  creditCode: string;
  genuine: boolean | null;
}

const ID_PREFIX: Record<ClueChannel, string> = { '12345': '12345', grid: 'GRID', city_brain: 'CB', online: 'ONLINE' };
/** Share of reports that carry a credit code at all, by channel: grid officers copy it, citizens rarely know it. */
const CODE_SHARE: Record<ClueChannel, number> = { '12345': 0.15, grid: 0.6, city_brain: 0.05, online: 0.25 };
const VAGUE_PLACES = ['附近一家无牌烧烤档', '路边流动摊贩', '小区楼下餐馆', '某工业园内小作坊', '菜市场旁档口'];

/** Clue ids are `<channel>-<yyyymmdd>-<serial>`; the serial runs per channel and day. */
export class ClueIdMinter {
  private readonly serials = new Map<string, number>();

  mint(channel: ClueChannel, day: number): string {
    const stem = `${ID_PREFIX[channel]}-${formatIsoOffset(day, 0).slice(0, 10).replace(/-/g, '')}`;
    const serial = (this.serials.get(stem) ?? 0) + 1;
    this.serials.set(stem, serial);
    return `${stem}-${String(serial).padStart(4, '0')}`;
  }
}

export function complaintClue(e: Enterprise, complaint: Complaint, ids: ClueIdMinter, endDay: number, prng: Prng): ClueRecord {
  const newest = baseClue(ids.mint(complaint.channel, complaint.day), complaint.channel, complaint.department, complaint.day, complaint.second, prng);
  let link: ClueLink;
  if (prng.bernoulli(CODE_SHARE[complaint.channel])) {
    link = 'code';
    newest.credit_code = e.creditCode;
    if (prng.bernoulli(0.7)) newest.subject_name = prng.bernoulli(0.5) ? e.fullName : e.shortName;
    if (prng.bernoulli(0.6)) newest.address = e.address;
  } else if (e.sharedAddressCount === 0 ? prng.bernoulli(0.8) : prng.bernoulli(0.5)) {
    link = 'name';
    if (prng.bernoulli(0.25)) newest.credit_code = mistypeCreditCode(e.creditCode, prng);
    newest.subject_name = e.fullName;
    const roll = prng.next();
    if (roll < 0.5) newest.address = e.address;
    else if (roll < 0.8) newest.address = e.address.replace(/^佛山市/, '');
  } else if (e.sharedAddressCount > 0) {
    // Only the shared address of a shell cluster: several subjects fit, none may be chosen.
    link = 'ambiguous';
    if (prng.bernoulli(0.3)) newest.credit_code = mistypeCreditCode(e.creditCode, prng);
    newest.address = e.address;
  } else {
    link = 'unlinkable';
    newest.address = `${e.district.name}${e.town.name}${prng.pick(VAGUE_PLACES)}`;
  }
  const verified = complaint.triggered ? complaint.triggered.found || (complaint.genuine && prng.bernoulli(0.35)) : drawVerified(complaint.genuine, prng);
  return settle(newest, link, e.creditCode, complaint.genuine, verified, complaint.day, endDay, prng);
}

/** A report about nobody the register knows (an unlicensed stall, a vague place). */
export function strayClue(ids: ClueIdMinter, day: number, endDay: number, prng: Prng): ClueRecord {
  const channel = prng.pick<ClueChannel>(['12345', '12345', 'online', 'city_brain']);
  const department = prng.pick(DEPARTMENT_CODES);
  const newest = baseClue(ids.mint(channel, day), channel, department, day, prng.int(6 * 3600, 23 * 3600), prng);
  const district = prng.pick(DISTRICTS);
  newest.address = `${district.name}${prng.pick(district.towns).name}${prng.pick(VAGUE_PLACES)}`;
  return settle(newest, 'unlinkable', '', null, drawVerified(prng.bernoulli(0.5), prng), day, endDay, prng);
}

function baseClue(clueId: string, channel: ClueChannel, department: DepartmentCode, day: number, second: number, prng: Prng): ClueObject {
  const receivedAt = formatIsoOffset(day, second);
  return {
    clue_id: clueId,
    channel,
    received_at: receivedAt,
    category: prng.pick(DEPARTMENTS[department].clueCategories),
    department,
    verified: null,
    status: 'pending',
    updated_at: receivedAt,
  };
}

function drawVerified(genuine: boolean, prng: Prng): boolean | null {
  const roll = prng.next();
  if (genuine) return roll < 0.75 ? true : roll < 0.85 ? false : null;
  return roll < 0.75 ? false : roll < 0.83 ? true : null;
}

/** Handles the clue some days later, unless it arrived too close to the end date to be handled. */
function settle(
  pending: ClueObject,
  link: ClueLink,
  creditCode: string,
  genuine: boolean | null,
  verified: boolean | null,
  day: number,
  endDay: number,
  prng: Prng,
): ClueRecord {
  const handledDay = day + prng.int(1, 25);
  if (handledDay >= endDay || prng.bernoulli(0.05)) return { newest: pending, pending: null, link, creditCode, genuine };
  const newest: ClueObject = {
    ...pending,
    verified,
    status: verified === null ? 'handled' : prng.bernoulli(0.6) ? 'closed' : 'handled',
    updated_at: formatIsoOffset(handledDay, prng.int(8 * 3600, 20 * 3600)),
  };
  return { newest, pending, link, creditCode, genuine };
}

type Defect = (line: string, clue: ClueObject, prng: Prng) => string;

const CLUE_DEFECTS: readonly Defect[] = [
  (line, _clue, prng) => line.slice(0, prng.int(10, line.length - 3)),
  (_line, clue) => JSON.stringify({ ...clue, channel: 'fax' }),
  (_line, clue, prng) => JSON.stringify({ ...clue, received_at: prng.pick(['yesterday', '2024-13-01T09:00:00+08:00', '']) }),
  (_line, clue) => JSON.stringify({ ...clue, verified: 'yes' }),
  (_line, clue) => JSON.stringify({ ...clue, status: 'done' }),
  (_line, clue) => JSON.stringify({ ...clue, department: 'XYZ' }),
  (_line, clue) => JSON.stringify({ ...clue, clue_id: undefined }),
  (_line, clue) => JSON.stringify({ ...clue, updated_at: 'soon' }),
];

export function defectiveClue(line: string, clue: ClueObject, prng: Prng): string {
  return prng.pick(CLUE_DEFECTS)(line, clue, prng);
}
