// Words of the plan page's filters, of a visit's neighbours on its route, of the complaints a draw left
// out as too old and of a factor's unknown value, Chinese and English; i18n.js merges them into its dictionaries.

const zh = {
  'planFilter.title': '筛选任务和路线', 'planFilter.day': '日期', 'planFilter.officer': '检查人员（执法证号）', 'planFilter.clear': '清除筛选',
  'planFilter.dayOutside': '日期须在计划期内（{from} 至 {to}）。',
  'planFilter.lead': '按日期、部门、检查人员、区县、抽中原因或风险颜色缩小范围；筛选写在页面地址里，复制地址即可分享同一视图。',
  'planFilter.tasksTitle': '符合筛选的任务 {n} 项（共 {total} 项）：{filters}', 'planFilter.routesTitle': '符合筛选的联合检查 {visits} 次，在 {routes} 条路线上：{filters}',
  'planFilter.routesLead': '只列出符合筛选的检查，站号是它在当天路线上的顺序。',
  'planFilter.day.col': '检查日期', 'planFilter.noVisit': '未安排', 'planFilter.noTasks': '没有符合筛选的任务。',
  'factorValue.unknown': '未知（未申报）', 'factorValue.neverInspected': '从未检查', 'why.missing': '{factor}：{value}',
  'ent.reportMissing': '如实申报“{factor}”：登记信息中没有这一项，模型按“未知（未申报）”评估，这一状态使风险{effect}。',
  'ent.missingAbove': '比平均水平高约 {pct}', 'ent.missingTimes': '约为平均水平的 {x} 倍',
  'ent.reportMissingAfter': '在年度报告或登记信息中填报后，按实际数值评估；风险是否降低取决于实际数值。',
  'visit.prevStop': '上一站', 'visit.nextStop': '下一站', 'visit.stopNav': '同一路线上的前后检查',
  'plans.staleComplaints': '{n} 条已核实投诉早于 {days} 天回看期（{since}之前收到），未排入计划。',
  'plans.unassigned': '{n} 项检查任务未能安排：{parts}。它们在下方任务列表中显示为“未安排”。',
  'plans.unassignedPart': '{department} {n} 项（{reasons}）', 'plans.unassignedSep': '；',
  'unassigned.no_eligible_team': '没有可派的检查组：计划期内无持证、在岗且无需回避的人员',
  'unassigned.capacity_exhausted': '可派的检查组在计划期内已排满',
  'unassigned.no_working_day': '计划期内没有工作日',
  'plans.farAhead': '开始日期不能晚于一年之后（{latest}）：计划按当前的风险评分抽取，请检查年份。', 'plans.tooLong': '一个计划期最长 {days} 天。',
};

const en = {
  'planFilter.title': 'Filter tasks and routes', 'planFilter.day': 'Day', 'planFilter.officer': 'Officer (certificate no.)', 'planFilter.clear': 'Clear filters',
  'planFilter.dayOutside': 'The day must fall within the plan ({from} to {to}).',
  'planFilter.lead': 'Narrow by day, department, officer, district, why drawn or risk colour; the filters are kept in the page address, so copying it shares the same view.',
  'planFilter.tasksTitle': '{n} of {total} tasks match: {filters}', 'planFilter.routesTitle': '{visits} joint visits on {routes} routes match: {filters}',
  'planFilter.routesLead': 'Only the visits that match are listed; each is numbered by its stop on that day’s route.',
  'planFilter.day.col': 'Visit day', 'planFilter.noVisit': 'Not scheduled', 'planFilter.noTasks': 'No task matches these filters.',
  'factorValue.unknown': 'unknown (not reported)', 'factorValue.neverInspected': 'never inspected', 'why.missing': '{factor}: {value}',
  'ent.reportMissing': 'Report "{factor}": your registration does not give it, so the model counts it as "unknown (not reported)", a state that {effect}.',
  'ent.missingAbove': 'puts the odds about {pct} above average', 'ent.missingTimes': 'puts the odds at about {x} times the average',
  'ent.reportMissingAfter': 'Once it is in your annual report or registration, the real figure is used instead; whether that lowers the risk depends on the figure.',
  'visit.prevStop': 'Previous stop', 'visit.nextStop': 'Next stop', 'visit.stopNav': 'The stops before and after on the same route',
  'plans.staleComplaints': '{n} verified complaints came in before the {days}-day look-back (before {since}) and were not planned.',
  'plans.staleComplaints.one': '1 verified complaint came in before the {days}-day look-back (before {since}) and was not planned.',
  'plans.unassigned': '{n} tasks could not be scheduled: {parts}. They show as “Not scheduled” in the task list below.',
  'plans.unassigned.one': '1 task could not be scheduled: {parts}. It shows as “Not scheduled” in the task list below.',
  'plans.unassignedPart': '{department} {n} ({reasons})', 'plans.unassignedSep': '; ',
  'unassigned.no_eligible_team': 'no team to send: no certified, on-duty officer free of conflicts in the window',
  'unassigned.capacity_exhausted': 'every team that could go was fully booked in the window',
  'unassigned.no_working_day': 'no working day in the window',
  'plans.farAhead': "The start cannot be more than a year ahead (after {latest}): plans are drawn by today's risk scores. Check the year.",
  'plans.tooLong': 'A plan spans at most {days} days.',
};

export const PLANS_TEXTS = { zh, en };
