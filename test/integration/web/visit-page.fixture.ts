import { OWN_CODE } from './web-app.harness';

/** A visit as dispatch answers `GET /api/visits/:id`: scheduled at the test enterprise, with two SAMR items. */
export const SCHEDULED_VISIT = {
  id: '0b6c8a55-5f0e-4d7e-9a7a-000000000201',
  visitNo: 'TP-2026-000201',
  drawId: 'd-1',
  date: '2026-03-02',
  regionCode: '440605',
  creditCode: OWN_CODE,
  officerIds: ['44060400001', '44060600006'],
  departments: ['SAMR'],
  reasons: ['risk'],
  followUps: [],
  exploration: false,
  routeKey: 'r-1',
  routeOrder: 0,
  noticeAllowed: false,
  status: 'scheduled',
  checklist: [{ department: 'SAMR', items: ['SAMR-01', 'SAMR-02'] }],
  results: null,
  rectifyBy: null,
  route: null,
};

/** That visit as dispatch answers it once done, its first item ordered to rectify by `rectifyBy` (first set for `originalRectifyBy`). */
export function orderedVisit(rectifyBy: string, originalRectifyBy: string | null = null) {
  return {
    ...SCHEDULED_VISIT,
    status: 'done',
    results: [
      { item: 'SAMR-01', department: 'SAMR', result: '责令整改', violation: '未公示营业执照' },
      { item: 'SAMR-02', department: 'SAMR', result: '未发现问题' },
    ],
    rectifyBy,
    originalRectifyBy,
  };
}

/** The enterprise's notice of that visit once done, its first item ordered to rectify by `rectifyBy` (first set for `originalRectifyBy`). */
export function orderedNotice(rectifyBy: string, originalRectifyBy: string | null = null) {
  return {
    visitId: SCHEDULED_VISIT.id,
    visitNo: SCHEDULED_VISIT.visitNo,
    date: SCHEDULED_VISIT.date,
    status: 'done',
    departments: ['SAMR'],
    checklist: ['SAMR-01', 'SAMR-02'],
    results: [
      { item: 'SAMR-01', result: '责令整改', violation: '未公示营业执照' },
      { item: 'SAMR-02', result: '未发现问题' },
    ],
    rectifyBy,
    originalRectifyBy,
    canRate: false,
    rating: null,
  };
}

/** No application for more time on that visit (延期整改申请), for specs that open its page or notice. */
export const NO_APPLICATIONS = { [`GET /api/visits/${SCHEDULED_VISIT.id}/rectification-applications`]: [] };
