// Words for the tracking of orders to rectify (整改跟踪), Chinese and English; i18n.js merges them into its dictionaries.

const zh = {
  'nav.tracking': '整改跟踪',
  'track.title': '整改跟踪',
  'track.lead': '责令整改的检查，直至复查完成：哪些尚未到整改期限，哪些待复查、已安排复查、已逾期，哪些已超出复查回溯期。',
  'track.status.all': '全部（未复查）',
  'track.status.waiting': '未到期限', 'track.status.due': '待复查', 'track.status.scheduled': '已安排复查', 'track.status.overdue': '已逾期', 'track.status.stale': '超出回溯期',
  'track.countsLabel': '按状态统计',
  'track.inspection': '责令整改的检查',
  'track.fromVisit': '检查', 'track.fromCase': '平台案件',
  'track.inspectedOn': '检查日',
  'track.deadline': '整改期限',
  'track.dueBy': '复查时限',
  'track.extended': '已延期',
  'track.reInspection': '复查安排',
  'track.extend': '延期',
  'track.onVisit': '在检查页延期',
  'track.none': '没有符合条件的责令整改。',
  'track.capped': '只列出前 {n} 条：请缩小筛选范围。',
  'track.ownDepartment': '仅显示本部门的责令整改。',
  'extend.refused.own_visit': '该案件来自本系统的检查：请在检查页延期整改。',
};

const en = {
  'nav.tracking': 'Rectification tracking',
  'track.title': 'Rectification tracking',
  'track.lead': 'Inspections that ordered rectification, until re-inspected: which wait for their deadline, which are due, which have a re-inspection scheduled, which are overdue, and which lie beyond the look-back.',
  'track.status.all': 'All (not re-inspected)',
  'track.status.waiting': 'Before deadline', 'track.status.due': 'Due', 'track.status.scheduled': 'Scheduled', 'track.status.overdue': 'Overdue', 'track.status.stale': 'Beyond look-back',
  'track.countsLabel': 'Orders by status',
  'track.inspection': 'Inspection that ordered it',
  'track.fromVisit': 'Visit', 'track.fromCase': 'Platform case',
  'track.inspectedOn': 'Inspected on',
  'track.deadline': 'Rectify by',
  'track.dueBy': 'Re-inspect by',
  'track.extended': 'extended',
  'track.reInspection': 'Re-inspection',
  'track.extend': 'Extend',
  'track.onVisit': 'Extend on the visit',
  'track.none': 'No order to rectify matches.',
  'track.capped': 'Only the first {n} are listed: narrow the filters.',
  'track.ownDepartment': "Your department's orders only.",
  'extend.refused.own_visit': 'This case comes from a Tianping visit: extend the deadline on the visit.',
};

export const TRACKING_TEXTS = { zh, en };
