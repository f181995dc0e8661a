// Words of the officers register (执法人员名录) and officers' absences (请假, 培训, 外出), Chinese and English;
// i18n.js merges them into its dictionaries.

const zh = {
  'nav.officers': '执法人员',
  'officers.title': '执法人员名录', 'officers.lead': '调度系统掌握的执法人员：执法证号、部门、执法资格、证件有效期、在岗状态、每日检查上限、回避声明和近期的检查安排。名录不含姓名和身份证号。',
  'officers.registerTitle': '名录', 'officers.registerLead': '证件已过期或 30 天内到期的已标出：证件过期后抽取不再安排该人员。',
  'officers.certificate': '执法证号', 'officers.domains': '执法资格（部门）', 'officers.certValidUntil': '证件有效期至', 'officers.certExpired': '已过期', 'officers.certExpiring': '30 天内到期',
  'officers.onDuty': '在岗', 'officers.offDuty': '不在岗', 'officers.capacity': '每日检查上限', 'officers.conflicts': '回避声明', 'officers.visits14': '未来 14 天检查',
  'officers.absences30': '未来 30 天请假/外出', 'officers.none': '名录中暂无执法人员。',
  'officers.allDepartments': '全部部门', 'officers.show': '显示', 'officers.showAll': '全部人员', 'officers.showAttention': '需要留意的（证件过期或将到期、不在岗、未来 30 天请假/外出）',
  'officers.numberPlaceholder': '输入执法证号的一部分', 'officers.shown': '显示 {n} 人，共 {total} 人。', 'officers.noneMatch': '没有符合筛选条件的执法人员。',
  'absence.addTitle': '登记请假、培训或外出', 'absence.addLead': '登记后，下一次抽取不会在这些日期安排该人员，更换执法人员时也不会选到他。已发布计划中的检查不会自动调整：登记后会列出仍安排该人员的检查，请逐一更换执法人员。',
  'absence.officer': '执法人员（执法证号）', 'absence.pickOfficer': '输入或选择执法证号', 'absence.from': '开始日期', 'absence.to': '结束日期（含当天）',
  'absence.noReason': '只登记类型和日期，不填写具体原因：病假等原因属于健康信息，不在系统中保存。', 'absence.add': '登记', 'absence.badRange': '结束日期不能早于开始日期。',
  'absence.kind.leave': '请假', 'absence.kind.training': '培训', 'absence.kind.secondment': '外出/借调', 'absence.kind.other': '其他',
  'absence.days': '{from} 至 {to}', 'absence.daysTitle': '日期', 'absence.entered': '登记时间',
  'absence.added': '已登记：{officer} {kind}，{from} 至 {to}（{at}）。', 'absence.noVisits': '这些日期没有已发布的检查安排该人员。',
  'absence.stillSent': '已发布计划中仍有 {n} 次检查安排了该人员，请逐一更换执法人员：',
  'absence.listTitle': '请假、培训和外出', 'absence.listLead': '今天及以后的登记，以及其中仍安排该人员的检查。', 'absence.stillSentTitle': '仍安排的检查', 'absence.none': '今天及以后没有登记。',
  'absence.refused.absence_overlaps': '该人员在这些日期已有登记：请先撤销原登记，或只登记其外的日期。',
  'absence.refused.officer_unknown': '名录中没有这名执法人员。', 'absence.refused.invalid_range': '日期不正确：结束日期不能早于开始日期，一次登记最长 366 天。',
  'absence.withdraw': '撤销', 'absence.withdrawConfirm': '撤销 {officer} 的{kind}登记（{from} 至 {to}）？撤销后下一次抽取可以在这些日期安排该人员；撤销记录保存在审计记录中。',
};

const en = {
  'nav.officers': 'Officers',
  'officers.title': 'Officers register', 'officers.lead': 'The enforcement officers dispatch knows: certificate number, department, certifications, certificate expiry, duty status, daily visit limit, declared conflicts and upcoming visits. The register holds no names and no ID numbers.',
  'officers.registerTitle': 'Register', 'officers.registerLead': 'Certificates expired or expiring within 30 days are marked: once a certificate has expired the draw no longer schedules the officer.',
  'officers.certificate': 'Certificate no.', 'officers.domains': 'Certified for', 'officers.certValidUntil': 'Certificate valid until', 'officers.certExpired': 'Expired', 'officers.certExpiring': 'Expires within 30 days',
  'officers.onDuty': 'On duty', 'officers.offDuty': 'Off duty', 'officers.capacity': 'Visits a day at most', 'officers.conflicts': 'Declared conflicts', 'officers.visits14': 'Visits in the next 14 days',
  'officers.absences30': 'Away in the next 30 days', 'officers.none': 'No officers in the register yet.',
  'officers.allDepartments': 'All departments', 'officers.show': 'Show', 'officers.showAll': 'Every officer', 'officers.showAttention': 'Needing attention (certificate expired or expiring, off duty, away in the next 30 days)',
  'officers.numberPlaceholder': 'Part of a certificate number', 'officers.shown': 'Showing {n} of {total} officers.', 'officers.noneMatch': 'No officer matches these filters.',
  'absence.addTitle': 'Enter leave, training or time away', 'absence.addLead': 'The next draw will not schedule the officer on these days, and no replacement will name them. Visits already published are not moved: after entering, the visits that still send the officer are listed; replace the officer on each.',
  'absence.officer': 'Officer (certificate no.)', 'absence.pickOfficer': 'Type or choose a certificate number', 'absence.from': 'First day', 'absence.to': 'Last day (included)',
  'absence.noReason': 'Only the kind and the days are kept, never a reason: a reason such as sick leave is health data and is not stored.', 'absence.add': 'Enter', 'absence.badRange': 'The last day cannot come before the first.',
  'absence.kind.leave': 'Leave', 'absence.kind.training': 'Training', 'absence.kind.secondment': 'Away / seconded', 'absence.kind.other': 'Other',
  'absence.days': '{from} to {to}', 'absence.daysTitle': 'Days', 'absence.entered': 'Entered',
  'absence.added': 'Entered: {officer}, {kind}, {from} to {to} ({at}).', 'absence.noVisits': 'No published visit sends the officer on these days.',
  'absence.stillSent': '{n} published visits still send the officer; replace the officer on each:',
  'absence.listTitle': 'Leave, training and time away', 'absence.listLead': 'Entries from today on, with the visits in them that still send the officer.', 'absence.stillSentTitle': 'Still scheduled', 'absence.none': 'Nothing entered from today on.',
  'absence.refused.absence_overlaps': 'The officer is already entered as away on some of these days: withdraw that entry first, or enter only the days outside it.',
  'absence.refused.officer_unknown': 'No such officer in the register.', 'absence.refused.invalid_range': 'Check the days: the last cannot come before the first, and one entry spans at most 366 days.',
  'absence.withdraw': 'Withdraw', 'absence.withdrawConfirm': "Withdraw {officer}'s {kind} entry ({from} to {to})? The next draw may then schedule the officer on these days; the withdrawal is kept in the audit record.",
};

export const OFFICERS_TEXTS = { zh, en };
