import type { ClueRecord } from './intake.model';

/** A pending clue with nothing to link by but the fields given: the linker's tests vary only those. */
export function clueRecord(fields: Partial<ClueRecord>): ClueRecord {
  return {
    clueId: 'c',
    channel: 'grid',
    receivedAt: new Date(0),
    creditCode: null,
    creditCodeValid: false,
    subjectName: null,
    address: null,
    category: 'other',
    department: 'SAMR',
    verified: null,
    status: 'pending',
    updatedAt: new Date(0),
    ...fields,
  };
}
