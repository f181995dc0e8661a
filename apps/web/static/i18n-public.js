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
  'cal.badRegion': 'Give the district as its six-digit code (e.g. 440604) or as a district name from the list, in English or Chinese (e.g. Nanhai or 南海区).',
};

export const PUBLIC_TEXTS = { zh, en };
