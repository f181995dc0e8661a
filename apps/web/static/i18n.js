// Chinese by default; English on request, remembered in this browser.

const zh = {
  'app.name': '天平', 'app.sub': '风险分级 · 双随机 · 监督', 'app.footer': '天平 Tianping · 开源的执法检查风险分级系统 · 每一次评分都可解释、可申辩、可审计',
  'nav.enterprise': '我的风险', 'nav.records': '我的记录', 'nav.visits': '检查通知', 'nav.enterprises': '企业风险', 'nav.map': '风险地图',
  'nav.plans': '抽查计划', 'nav.calendar': '检查日历', 'nav.audit': '审计记录', 'nav.models': '模型登记', 'nav.accounts': '账户管理',
  'nav.accessLog': '个人信息查阅记录', 'nav.docs': 'API 文档', 'nav.signOut': '退出', 'nav.lang': 'English',
  'role.enterprise': '企业用户', 'role.department': '部门执法人员', 'role.dispatcher': '调度员', 'role.oversight': '监督人员', 'role.admin': '管理员',
  'login.title': '登录', 'login.lead': '为执法部门、企业和监督人员提供同一份可解释的风险评分。',
  'login.point1': '企业：查看自己的风险等级、原因与改进建议', 'login.point2': '执法部门：按风险抽查、联合检查、一表通查', 'login.point3': '监督：防篡改记录、模型审批与公平性审计',
  'login.username': '用户名', 'login.password': '密码', 'login.submit': '登录', 'login.wrong': '用户名或密码错误。请检查后重试；连续失败 5 次将暂停 15 分钟。',
  'login.locked': '失败次数过多，已暂停登录。请在 {minutes} 分钟后再试，或联系管理员。', 'login.hint': '演示账户在 npm start 的输出中列出。',
  'common.loading': '正在加载…', 'common.retry': '重试', 'common.prev': '上一页', 'common.next': '下一页', 'common.page': '第 {page} 页',
  'common.all': '全部', 'common.search': '查询', 'common.reset': '重置', 'common.none': '无', 'common.yes': '是', 'common.no': '否', 'common.view': '查看',
  'common.save': '保存', 'common.cancel': '取消', 'common.back': '返回', 'common.items': '{n} 条',
  'state.empty': '暂无数据', 'state.error': '出错了', 'state.errorHelp': '请稍后重试。如果问题持续，请把页面截图发给管理员。',
  'state.unavailable': '此功能暂不可用', 'state.unavailableHelp': '{app} 服务尚未提供此数据，或暂时没有响应。其它功能不受影响，请稍后再来查看。',
  'state.forbidden': '无权查看', 'state.forbiddenHelp': '当前账户的角色不能查看此页面。如需权限，请联系管理员。',
  'state.notFound': '没有找到', 'state.notFoundHelp': '记录不存在，或不属于当前账户。',
  'colour.green': '绿色 · 低风险', 'colour.yellow': '黄色 · 中风险', 'colour.red': '红色 · 高风险', 'colour.none': '尚未评分',
  'colour.greenShort': '绿', 'colour.yellowShort': '黄', 'colour.redShort': '红',
  'ent.title': '我的风险等级', 'ent.lead': '这是天平对贵单位当前的评估：检查时发现问题的可能性，以及原因。',
  'ent.colour': '风险等级', 'ent.band': '发现问题的概率区间', 'ent.asOf': '评估日期 {date} · 模型 {model} · 等级规则 {policy}',
  'ent.reasons': '为什么是这个等级', 'ent.reasonsLead': '每一项因素让风险升高（红）或降低（蓝）多少。条越长，影响越大。',
  'ent.topReasons': '主要原因', 'ent.suggestions': '您可以做什么来降低风险', 'ent.noSuggestions': '当前没有需要特别改进的事项。请继续保持。',
  'ent.noScore': '尚无评分', 'ent.noScoreHelp': '评分服务还没有为贵单位计算风险。数据导入后会自动评分。',
  'ent.file': '我的档案', 'ent.inspections': '检查与处罚记录', 'ent.complaints': '投诉举报', 'ent.noInspections': '系统中没有贵单位的检查记录。',
  'ent.noComplaints': '系统中没有与贵单位关联的投诉举报。', 'ent.recordsLead': '以下是天平保存的贵单位记录。如有错误，可在申辩功能上线后提出异议。',
  'ent.visits': '联合检查通知', 'ent.visitsLead': '可提前告知的联合检查会在这里通知；检查结束后，您可以为检查打分。',
  'ent.noVisits': '目前没有已安排的联合检查通知。', 'ent.rate': '为本次检查评分', 'ent.rated': '已评分 {stars} 星', 'ent.comment': '意见（可选）',
  'ent.thanks': '感谢您的评价。', 'ent.appeals': '陈述申辩', 'ent.appealsSoon': '申辩（提交、上传证据、对记录提出异议、跟踪进度、保留回执）即将上线。',
  'ent.subject': '主体信息', 'ent.legalRepId': '法定代表人证件号（已脱敏）',
  'field.creditCode': '统一社会信用代码', 'field.name': '名称', 'field.industry': '行业', 'field.region': '区县', 'field.status': '状态',
  'field.date': '日期', 'field.department': '部门', 'field.kind': '类型', 'field.result': '结果', 'field.penalty': '罚款（元）',
  'field.channel': '渠道', 'field.category': '类别', 'field.verified': '已核实', 'field.colour': '风险', 'field.probability': '概率',
  'field.caseNo': '案件号', 'field.address': '地址', 'field.established': '成立日期', 'field.employees': '用工人数', 'field.checklist': '检查事项',
  'field.team': '检查组', 'field.reasons': '抽中原因', 'field.seed': '随机种子', 'field.window': '计划期', 'field.visits': '联合检查',
  'field.tasks': '检查任务', 'field.state': '状态', 'field.version': '版本', 'field.seq': '序号', 'field.recordedAt': '记录时间', 'field.subject': '对象',
  'bureau.title': '企业风险', 'bureau.lead': '按风险等级、区县和行业筛选企业；红色优先。', 'bureau.fallback': '暂无风险评分（评分服务尚未评分或暂不可用），下面按统一社会信用代码列出企业。评分完成后，这里会按风险等级显示。',
  'bureau.q': '名称或代码', 'bureau.mapTitle': '风险地图', 'bureau.mapLead': '本页企业按位置显示，颜色为风险等级。', 'bureau.noLocation': '本页企业没有位置数据。',
  'bureau.summary': '风险分布', 'bureau.file': '企业档案',
  'plans.title': '抽查计划', 'plans.lead': '双随机抽查：按风险比例抽取，种子公开记录，任何人可复现。', 'plans.draw': '生成抽查计划',
  'plans.from': '开始日期', 'plans.to': '结束日期', 'plans.seed': '随机种子（可选，留空则自动生成）', 'plans.recent': '最近的抽查',
  'plans.noDraws': '还没有抽查计划。选择计划期后点击“生成抽查计划”。', 'plans.running': '正在抽取并编排联合检查，这可能需要一分钟…',
  'plans.step1': '读取风险评分与部门计划', 'plans.step2': '按风险比例随机抽取', 'plans.step3': '合并为联合检查并组队', 'plans.step4': '独立校验并发布',
  'plans.done': '计划已生成：{visits} 次联合检查，{tasks} 项任务。', 'plans.rejected': '独立校验未通过，计划未发布：{n} 处问题。',
  'plans.departments': '部门计划', 'plans.redraw': '复现校验', 'plans.redrawOk': '用记录的种子和输入重新抽取，结果完全一致。', 'plans.redrawBad': '复现结果与记录不一致！',
  'plans.inputs': '输入指纹', 'plans.result': '结果指纹', 'plans.checker': '独立校验', 'plans.suspended': '模型已暂停：本次按统一比例抽取',
  'plans.published': '已发布', 'plans.rejectedState': '未通过校验', 'plans.superseded': '已被替代', 'plans.exploration': '探索抽取',
  'cal.title': '检查日历', 'cal.lead': '已安排的联合检查，按日期和路线排列。', 'cal.noVisits': '这段时间没有安排联合检查。可以换一个日期范围，或先生成抽查计划。',
  'cal.record': '录入结果', 'cal.recorded': '结果已录入：{n} 项发现问题。', 'cal.violation': '发现的问题', 'cal.notYet': '检查日期未到，暂不能录入结果。',
  'result.none': '未发现问题', 'result.rectify': '责令整改', 'result.case': '立案查处',
  'visit.scheduled': '已安排', 'visit.done': '已完成', 'visit.cancelled': '已取消', 'visit.notice': '可提前告知', 'visit.unannounced': '不预先告知',
  'audit.title': '审计记录', 'audit.lead': '每一次评分、模型和计划都写入防篡改的默克尔日志，并有签名检查点。',
  'audit.verify': '校验整个记录', 'audit.verifying': '正在重新计算每条记录与默克尔树…', 'audit.ok': '校验通过：{n} 条记录，全部完好。',
  'audit.bad': '发现篡改：第 {seq} 条 {problem}', 'audit.noEntries': '记录为空。评分服务开始工作后，这里会出现记录。', 'audit.checkpoint': '最新签名检查点',
  'audit.kind': '类型', 'audit.queue': '复核队列', 'audit.queueSoon': '复核队列（确认、申辩、逾期）将随申辩功能上线。',
  'models.title': '模型登记', 'models.lead': '每个模型版本的训练窗口、数据指纹、指标和审批状态。', 'models.none': '尚无模型版本。',
  'models.kill': '停用开关', 'models.reports': '公平性、准确性与漂移报告将在审计服务提供后以图表显示。',
  'accounts.title': '账户管理', 'accounts.lead': '每个账户有一个角色；企业账户绑定一个信用代码，部门账户绑定一个部门。',
  'accounts.create': '新建账户', 'accounts.disable': '停用', 'accounts.disabled': '已停用', 'accounts.active': '正常', 'accounts.created': '账户已创建。',
  'accounts.binding': '绑定', 'accounts.role': '角色', 'access.title': '个人信息查阅记录', 'access.lead': '谁在何时查看了哪家企业的个人信息（默认脱敏显示）。',
  'access.none': '还没有查阅记录。', 'access.shown': '显示方式', 'access.masked': '脱敏', 'access.full': '完整',
  'docs.title': 'API 文档', 'docs.lead': '所有接口在服务端检查角色与绑定。下表由同一张路由权限表生成。',
};

const en = {
  'app.name': 'Tianping', 'app.sub': 'Risk · Double random · Oversight', 'app.footer': 'Tianping 天平 · open-source risk-based inspection · every score explained, contestable and audited',
  'nav.enterprise': 'My risk', 'nav.records': 'My records', 'nav.visits': 'Visit notices', 'nav.enterprises': 'Enterprises', 'nav.map': 'Risk map',
  'nav.plans': 'Plans', 'nav.calendar': 'Calendar', 'nav.audit': 'Audit record', 'nav.models': 'Models', 'nav.accounts': 'Accounts',
  'nav.accessLog': 'Personal-data views', 'nav.docs': 'API docs', 'nav.signOut': 'Sign out', 'nav.lang': '中文',
  'role.enterprise': 'Enterprise', 'role.department': 'Department officer', 'role.dispatcher': 'Dispatcher', 'role.oversight': 'Oversight officer', 'role.admin': 'Administrator',
  'login.title': 'Sign in', 'login.lead': 'One explainable risk score for bureaus, enterprises and oversight alike.',
  'login.point1': 'Enterprises: your colour, the reasons, and what lowers your risk', 'login.point2': 'Bureaus: risk-weighted draws, joint visits, one checklist', 'login.point3': 'Oversight: tamper-evident record, model approvals, fairness audits',
  'login.username': 'Username', 'login.password': 'Password', 'login.submit': 'Sign in', 'login.wrong': 'Wrong username or password. Check and try again; after 5 failures sign-in pauses for 15 minutes.',
  'login.locked': 'Too many failed attempts: sign-in is paused. Try again in {minutes} minutes or ask an administrator.', 'login.hint': 'Demo accounts are listed in the output of npm start.',
  'common.loading': 'Loading…', 'common.retry': 'Retry', 'common.prev': 'Previous', 'common.next': 'Next', 'common.page': 'Page {page}',
  'common.all': 'All', 'common.search': 'Search', 'common.reset': 'Reset', 'common.none': 'None', 'common.yes': 'Yes', 'common.no': 'No', 'common.view': 'View',
  'common.save': 'Save', 'common.cancel': 'Cancel', 'common.back': 'Back', 'common.items': '{n} items',
  'state.empty': 'Nothing here yet', 'state.error': 'Something went wrong', 'state.errorHelp': 'Try again in a moment. If it keeps happening, send a screenshot of this page to your administrator.',
  'state.unavailable': 'Not available yet', 'state.unavailableHelp': 'The {app} service does not offer this yet, or is not answering. Everything else still works; check back later.',
  'state.forbidden': 'Not for this account', 'state.forbiddenHelp': 'Your role may not see this page. Ask an administrator if you need access.',
  'state.notFound': 'Not found', 'state.notFoundHelp': 'The record does not exist, or does not belong to this account.',
  'colour.green': 'Green · low risk', 'colour.yellow': 'Yellow · medium risk', 'colour.red': 'Red · high risk', 'colour.none': 'Not scored yet',
  'colour.greenShort': 'Green', 'colour.yellowShort': 'Yellow', 'colour.redShort': 'Red',
  'ent.title': 'My risk rating', 'ent.lead': 'Tianping\'s current assessment of your enterprise: how likely an inspection is to find a problem, and why.',
  'ent.colour': 'Risk colour', 'ent.band': 'Probability of a finding', 'ent.asOf': 'As of {date} · model {model} · colour policy {policy}',
  'ent.reasons': 'Why this colour', 'ent.reasonsLead': 'How much each factor raises (red) or lowers (blue) your risk. Longer bars matter more.',
  'ent.topReasons': 'Main reasons', 'ent.suggestions': 'What you can do to lower your risk', 'ent.noSuggestions': 'Nothing in particular to improve right now. Keep it up.',
  'ent.noScore': 'No score yet', 'ent.noScoreHelp': 'The scoring service has not scored your enterprise yet. It will once your data is in.',
  'ent.file': 'My file', 'ent.inspections': 'Inspections and penalties', 'ent.complaints': 'Complaints and leads', 'ent.noInspections': 'The suite holds no inspection records for your enterprise.',
  'ent.noComplaints': 'No complaints are linked to your enterprise.', 'ent.recordsLead': 'These are the records Tianping holds about you. If one is wrong, you will be able to challenge it once appeals open.',
  'ent.visits': 'Joint visit notices', 'ent.visitsLead': 'Visits that may be announced appear here; after a visit you can rate it.',
  'ent.noVisits': 'No joint visits are announced for now.', 'ent.rate': 'Rate this visit', 'ent.rated': 'Rated {stars} stars', 'ent.comment': 'Comment (optional)',
  'ent.thanks': 'Thank you for your rating.', 'ent.appeals': 'Appeals', 'ent.appealsSoon': 'Appeals (file, attach evidence, challenge a record, follow each step, keep the receipt) are coming soon.',
  'ent.subject': 'Registration', 'ent.legalRepId': 'Legal representative ID (masked)',
  'field.creditCode': 'Credit code', 'field.name': 'Name', 'field.industry': 'Industry', 'field.region': 'District', 'field.status': 'Status',
  'field.date': 'Date', 'field.department': 'Department', 'field.kind': 'Kind', 'field.result': 'Result', 'field.penalty': 'Penalty (yuan)',
  'field.channel': 'Channel', 'field.category': 'Category', 'field.verified': 'Verified', 'field.colour': 'Risk', 'field.probability': 'Probability',
  'field.caseNo': 'Case no.', 'field.address': 'Address', 'field.established': 'Established', 'field.employees': 'Employees', 'field.checklist': 'Checklist',
  'field.team': 'Team', 'field.reasons': 'Why drawn', 'field.seed': 'Seed', 'field.window': 'Window', 'field.visits': 'Joint visits',
  'field.tasks': 'Tasks', 'field.state': 'State', 'field.version': 'Version', 'field.seq': 'Seq', 'field.recordedAt': 'Recorded', 'field.subject': 'Subject',
  'bureau.title': 'Enterprises by risk', 'bureau.lead': 'Filter by colour, district and industry; red first.', 'bureau.fallback': 'No risk scores yet (scoring has not scored or is not answering): enterprises are listed by credit code. Colours appear here once they are scored.',
  'bureau.q': 'Name or code', 'bureau.mapTitle': 'Risk map', 'bureau.mapLead': 'Enterprises on this page by location, coloured by risk.', 'bureau.noLocation': 'No locations for the enterprises on this page.',
  'bureau.summary': 'Colour mix', 'bureau.file': 'Enterprise file',
  'plans.title': 'Inspection plans', 'plans.lead': 'Double-random draws: risk-weighted, seed recorded, reproducible by anyone.', 'plans.draw': 'Draw a plan',
  'plans.from': 'From', 'plans.to': 'To', 'plans.seed': 'Seed (optional; one is generated if empty)', 'plans.recent': 'Recent draws',
  'plans.noDraws': 'No plans yet. Pick a window and press "Draw a plan".', 'plans.running': 'Drawing and planning joint visits; this may take a minute…',
  'plans.step1': 'Read scores and department plans', 'plans.step2': 'Draw at random, weighted by risk', 'plans.step3': 'Bundle into joint visits and teams', 'plans.step4': 'Check independently and publish',
  'plans.done': 'Plan ready: {visits} joint visits, {tasks} tasks.', 'plans.rejected': 'The independent check failed; the plan was not published: {n} problems.',
  'plans.departments': 'Department plans', 'plans.redraw': 'Re-draw check', 'plans.redrawOk': 'Re-drawn from the recorded seed and inputs: identical.', 'plans.redrawBad': 'The re-draw differs from the record!',
  'plans.inputs': 'Inputs fingerprint', 'plans.result': 'Result fingerprint', 'plans.checker': 'Independent check', 'plans.suspended': 'Model suspended: drawn at a uniform rate',
  'plans.published': 'Published', 'plans.rejectedState': 'Rejected', 'plans.superseded': 'Superseded', 'plans.exploration': 'Exploration',
  'cal.title': 'Visit calendar', 'cal.lead': 'Scheduled joint visits by day and route.', 'cal.noVisits': 'No joint visits in this period. Try other dates, or draw a plan first.',
  'cal.record': 'Record results', 'cal.recorded': 'Results recorded: {n} items with findings.', 'cal.violation': 'What was found', 'cal.notYet': 'The visit has not happened yet: results come afterwards.',
  'result.none': 'No problem', 'result.rectify': 'Ordered to rectify', 'result.case': 'Case opened',
  'visit.scheduled': 'Scheduled', 'visit.done': 'Done', 'visit.cancelled': 'Cancelled', 'visit.notice': 'May be announced', 'visit.unannounced': 'Unannounced',
  'audit.title': 'Audit record', 'audit.lead': 'Every score, model and plan is written to a tamper-evident Merkle log with signed checkpoints.',
  'audit.verify': 'Verify the whole record', 'audit.verifying': 'Recomputing every entry and the Merkle tree…', 'audit.ok': 'Verified: {n} entries, all intact.',
  'audit.bad': 'Tampering found: entry {seq} {problem}', 'audit.noEntries': 'The record is empty. Entries appear once scoring is at work.', 'audit.checkpoint': 'Latest signed checkpoint',
  'audit.kind': 'Kind', 'audit.queue': 'Review queue', 'audit.queueSoon': 'The review queue (confirmations, appeals, overdue) arrives with appeals.',
  'models.title': 'Model registry', 'models.lead': 'Each model version with its training window, data fingerprint, metrics and approval state.', 'models.none': 'No model versions yet.',
  'models.kill': 'Kill switch', 'models.reports': 'Fairness, accuracy and drift reports will be charted here once the audit service serves them.',
  'accounts.title': 'Accounts', 'accounts.lead': 'Each account has one role; an enterprise account is bound to one credit code, an officer to one department.',
  'accounts.create': 'New account', 'accounts.disable': 'Disable', 'accounts.disabled': 'Disabled', 'accounts.active': 'Active', 'accounts.created': 'Account created.',
  'accounts.binding': 'Bound to', 'accounts.role': 'Role', 'access.title': 'Personal-data views', 'access.lead': 'Who viewed which enterprise\'s personal data, and when (masked by default).',
  'access.none': 'No views recorded yet.', 'access.shown': 'Shown', 'access.masked': 'Masked', 'access.full': 'In full',
  'docs.title': 'API documentation', 'docs.lead': 'Every route checks role and binding on the server. This table is generated from the same route table.',
};

/** Plain names of the twelve factors (FACTORS.md), used where scoring gives no sentence of its own. */
const factors = {
  zh: {
    years_in_operation: '存续年限', shareholder_subscribed_capital: '股东认缴出资额', employees: '用工人数', industry: '行业类别', registered_capital: '认缴注册资本',
    violations_3y: '近三年违法次数', inspection_fail_rate: '历史检查不合格率', complaints_12m: '近一年投诉举报', abnormal_listed: '列入经营异常名录',
    legal_rep_changes_2y: '近两年法定代表人变更', days_since_last_inspection: '距上次检查天数', shared_address_count: '同一地址的其他主体',
  },
  en: {
    years_in_operation: 'Years in operation', shareholder_subscribed_capital: 'Shareholders\' subscribed capital', employees: 'Employees', industry: 'Industry', registered_capital: 'Registered capital',
    violations_3y: 'Violations in the last 3 years', inspection_fail_rate: 'Past inspection failure rate', complaints_12m: 'Complaints in the last 12 months', abnormal_listed: 'Listed as abnormal',
    legal_rep_changes_2y: 'Legal representative changes (2 years)', days_since_last_inspection: 'Days since the last inspection', shared_address_count: 'Other entities at the same address',
  },
};

const DICTS = { zh, en };
let lang = localStorage.getItem('tp.lang') === 'en' ? 'en' : 'zh';
document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';

export function currentLang() {
  return lang;
}

export function setLang(next) {
  lang = next === 'en' ? 'en' : 'zh';
  localStorage.setItem('tp.lang', lang);
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
}

export function t(key, vars = {}) {
  const text = DICTS[lang][key] ?? DICTS.zh[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => (vars[name] ?? `{${name}}`));
}

export function factorName(id) {
  return factors[lang][id] ?? factors.zh[id] ?? id;
}

export function fmtDate(value) {
  if (!value) return '—';
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return String(value);
  return d.toLocaleDateString(lang === 'zh' ? 'zh-CN' : 'en-GB', { year: 'numeric', month: 'short', day: 'numeric' });
}

export function fmtDateTime(value) {
  if (!value) return '—';
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return String(value);
  return d.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' });
}

export function fmtPercent(p, digits = 0) {
  return `${(p * 100).toFixed(digits)}%`;
}
