// Words for follow-up inspections after an order to rectify (整改复查), Chinese and English;
// i18n.js merges them into its dictionaries.

const zh = {
  'reason.follow-up': '整改复查',
  'followUp.title': '复查',
  'followUp.line': '{dept}复查：{date} 检查（{ref}）责令整改，整改期限 {deadline}',
  'followUp.task': '复查 {refs}，整改期限 {deadline}',
  'rectify.deadline': '整改期限',
  'rectify.help': '有事项“责令整改”时填写：检查日之后、180 天以内，默认为检查日起 {days} 天。期限过后安排复查。',
  'rectify.tooEarly': '整改期限须在检查日 {date} 之后。',
  'rectify.tooLate': '整改期限最迟为检查日后 180 天（{date}）。',
  'rectify.recorded': '整改期限为 {date}，期限过后安排复查。',
  'rectify.shown': '整改期限 {date}；期限过后复查。',
  'myVisit.rectifyBy': '请在 {date} 前完成整改。期限过后，执法部门将上门复查整改情况。',
  'policyEdit.rectificationDays': '默认整改期限（天）',
  'policyEdit.rectificationDaysMeans': '检查结果为“责令整改”而未另定期限时，整改期限为检查日起多少天（1 至 180）。',
  'policyEdit.followUpWithinDays': '复查时限（天）',
  'policyEdit.followUpWithinDaysMeans': '整改期限届满后多少天内应当完成复查（1 至 90）；复查不早于整改期限。',
  'settingField.rectificationDays': '默认整改期限（天）',
  'settingField.followUpWithinDays': '复查时限（天）',
  'policyEdit.followUpLookbackDays': '复查回溯期（天）',
  'policyEdit.followUpLookbackDaysMeans': '整改期限早于计划期第一天多少天以上的责令整改不再安排复查（1 至 3650）：系统启用时导入的历史案件不会一次全部排入复查。',
  'settingField.followUpLookbackDays': '复查回溯期（天）',
};

const en = {
  'reason.follow-up': 'Follow-up (re-inspection)',
  'followUp.title': 'Re-inspection',
  'followUp.line': '{dept} re-inspection: the inspection of {date} ({ref}) ordered rectification by {deadline}',
  'followUp.task': 'Re-inspects {refs}, rectify by {deadline}',
  'rectify.deadline': 'Rectify by',
  'rectify.help': 'When an item is "order to rectify": after the visit, within 180 days; {days} days after the visit unless changed. The re-inspection comes after this day.',
  'rectify.tooEarly': 'The rectification deadline must come after the visit day, {date}.',
  'rectify.tooLate': 'The rectification deadline is at most 180 days after the visit ({date}).',
  'rectify.recorded': 'To be rectified by {date}; the re-inspection comes after it.',
  'rectify.shown': 'Rectify by {date}; re-inspected after it.',
  'myVisit.rectifyBy': 'Put the findings right by {date}. After that day the bureau will come back to check (re-inspection).',
  'policyEdit.rectificationDays': 'Default days to rectify',
  'policyEdit.rectificationDaysMeans': 'When a result orders rectification and no deadline is set, the deadline is this many days after the visit (1 to 180).',
  'policyEdit.followUpWithinDays': 'Days to re-inspect',
  'policyEdit.followUpWithinDaysMeans': 'The re-inspection is to happen within this many days after the rectification deadline (1 to 90), never before it.',
  'settingField.rectificationDays': 'Default days to rectify',
  'settingField.followUpWithinDays': 'Days to re-inspect',
  'policyEdit.followUpLookbackDays': 'Days of orders looked back on',
  'policyEdit.followUpLookbackDaysMeans': "Orders to rectify whose deadline lies more than this many days before a plan's first day are not re-inspected (1 to 3650): the history loaded when the system starts does not all come due at once.",
  'settingField.followUpLookbackDays': 'Days of orders looked back on',
};

export const FOLLOW_UP_TEXTS = { zh, en };
