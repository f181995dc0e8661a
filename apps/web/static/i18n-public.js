// Words of the enterprise's and the bureau's pages added since the main dictionaries, Chinese and
// English; i18n.js merges them into its dictionaries.

const zh = {
  // The services by what they do: a person reading "scoring 服务" learns nothing from the process name.
  'service.intake': '数据归集服务', 'service.scoring': '评分服务', 'service.dispatch': '检查调度服务', 'service.oversight': '监督服务', 'service.unknown': '提供此数据的服务',
  'ent.colourMeans.green': '这对贵单位意味着：检查发现问题的可能性较低，在随机抽查中被抽中的比例最低，尽量少打扰正常经营。',
  'ent.colourMeans.yellow': '这对贵单位意味着：检查发现问题的可能性中等，按常规比例参加随机抽查。',
  'ent.colourMeans.red': '这对贵单位意味着：检查发现问题的可能性较高，会被优先安排检查，在随机抽查中被抽中的比例最高。',
  'ent.colourMeans.none': '尚未评出等级：在此之前按常规比例参加随机抽查。',
  'field.findingChance': '发现问题概率', 'appeal.findingChance': '发现问题概率{pct}',
  'ent.challengeRecords': '对某条记录提出异议',
  // The public side of the random inspections (双随机、一公开), on the register page.
  'disclose.nav': '双随机抽查公示', 'disclose.title': '双随机抽查公示',
  'disclose.lead': '“双随机、一公开”：随机抽取检查对象、随机选派执法检查人员，抽查情况和查处结果及时向社会公开。',
  'disclose.plans': '抽查计划', 'disclose.plansLead': '每期计划公布抽查范围：各部门检查哪些事项、各检查多少家企业。被抽中的是哪些企业，检查之后才公布，以免事先走漏。随机种子和指纹一并公开，任何人都可以用它们复现抽取结果。',
  'disclose.period': '抽查期间', 'disclose.scope': '部门与检查事项', 'disclose.deptEnterprises': '{n} 家企业', 'disclose.totals': '合计',
  'disclose.enterprises': '{n} 家企业', 'disclose.visits': '{visits} 次上门（{checks} 项次检查，联合检查只上门一次）', 'disclose.seed': '随机种子与指纹',
  'disclose.noPlans': '还没有发布的抽查计划。', 'disclose.cutFrom': '自 {date} 起由新计划接替',
  'disclose.results': '抽查结果', 'disclose.resultsLead': '检查完成、结果录入后公布，最新的在前。只公布每个检查事项的结果，不公布检查人员、抽取原因和检查记录中的文字。',
  'disclose.enterpriseFilter': '企业名称或统一社会信用代码', 'disclose.enterpriseHint': '名称中的几个字，或 18 位代码', 'disclose.codeLength': '统一社会信用代码是 18 位字母和数字，这里输入了 {n} 位。请核对代码，或改为输入企业名称中的几个字。',
  'disclose.nameMatched': '名称含“{name}”的企业有 {n} 家，下面是它们的检查结果；也可以只看其中一家：',
  'disclose.nameMatchedMany': '名称含“{name}”的企业超过 {n} 家，请输入更完整的名称，或从下面选一家：',
  'disclose.nameMatchedNone': '没有名称含“{name}”的企业。', 'disclose.nameMatchedOne': '名称含“{name}”的企业只有一家，下面是它的检查结果：',
  'disclose.allDepartments': '全部部门', 'disclose.department': '检查部门', 'disclose.from': '开始日期', 'disclose.to': '结束日期', 'disclose.show': '查询',
  'disclose.noResults': '这个范围内还没有录入结果的检查。', 'disclose.more': '加载更多',
  'disclose.date': '检查日期', 'disclose.enterprise': '企业名称 / 统一社会信用代码', 'disclose.departments': '检查部门', 'disclose.outcome': '检查事项及结果',
  'cal.badRegion': '区县请填写 6 位行政区划代码（例如 440604），或列表中的区县名称（例如 南海区）。',
};

const en = {
  'service.intake': 'The records service', 'service.scoring': 'The scoring service', 'service.dispatch': 'The visit-planning service', 'service.oversight': 'The oversight service', 'service.unknown': 'The service behind this page',
  'ent.colourMeans.green': 'What this means for you: an inspection is unlikely to find a problem, so you are drawn least often in random inspections, to leave your business in peace.',
  'ent.colourMeans.yellow': 'What this means for you: an inspection is moderately likely to find a problem, so you are drawn at the usual rate in random inspections.',
  'ent.colourMeans.red': 'What this means for you: an inspection is likely to find a problem, so you are inspected first and drawn most often in random inspections.',
  'ent.colourMeans.none': 'No colour yet: until there is one you are drawn at the usual rate in random inspections.',
  'field.findingChance': 'Chance of a finding', 'appeal.findingChance': 'Chance of a finding: {pct}',
  'ent.challengeRecords': 'Challenge a record',
  'disclose.nav': 'Random inspections', 'disclose.title': 'Random inspections made public',
  'disclose.lead': '"Double random, one public" (双随机、一公开): who is inspected and which officers go are both drawn at random, and the inspections and their results are made public.',
  'disclose.plans': 'Inspection plans', 'disclose.plansLead': 'Each plan is published by its scope: what each department checks and how many enterprises it inspects. Which enterprises were drawn is published only after they are inspected, so that no one is tipped off. The seed and fingerprints are public too: anyone can re-draw the plan from them.',
  'disclose.period': 'Period', 'disclose.scope': 'Departments and what they check', 'disclose.deptEnterprises': '{n} enterprises', 'disclose.totals': 'In all',
  'disclose.enterprises': '{n} enterprises', 'disclose.visits': '{visits} visits ({checks} department checks; a joint inspection is one visit)', 'disclose.seed': 'Seed and fingerprint',
  'disclose.noPlans': 'No inspection plan has been published yet.', 'disclose.cutFrom': 'A newer plan took over from {date}',
  'disclose.results': 'Inspection results', 'disclose.resultsLead': 'Published once an inspection is done and its results are recorded, newest first. Only the result of each item is published: not the officers, not why the enterprise was drawn, not the notes of the inspection.',
  'disclose.enterpriseFilter': 'Enterprise name or credit code', 'disclose.enterpriseHint': 'part of the name, or the 18-character code', 'disclose.codeLength': 'A unified social credit code has 18 letters and digits; this has {n}. Check the code, or type part of the enterprise\'s name instead.',
  'disclose.nameMatched': '{n} enterprises have “{name}” in their name; these are their results. To see one only, choose it:',
  'disclose.nameMatchedMany': 'More than {n} enterprises have “{name}” in their name: type more of it, or choose one:',
  'disclose.nameMatchedNone': 'No enterprise has “{name}” in its name.', 'disclose.nameMatchedOne': 'One enterprise has “{name}” in its name; these are its results:',
  'disclose.allDepartments': 'All departments', 'disclose.department': 'Department', 'disclose.from': 'From', 'disclose.to': 'To', 'disclose.show': 'Show',
  'disclose.noResults': 'No inspection with recorded results in this range yet.', 'disclose.more': 'Load more',
  'disclose.date': 'Date', 'disclose.enterprise': 'Enterprise / credit code', 'disclose.departments': 'Departments', 'disclose.outcome': 'Items checked and results',
  'cal.badRegion': 'Give the district as its six-digit code (e.g. 440604) or as a district name from the list, in English or Chinese (e.g. Nanhai or 南海区).',
};

export const PUBLIC_TEXTS = { zh, en };
