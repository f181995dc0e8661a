// Chinese by default; English on request, remembered in this browser.
import { OVERSIGHT_TEXTS } from './i18n-oversight.js';
import { HEALTH_TEXTS } from './i18n-health.js';
import { QUARANTINE_TEXTS } from './i18n-quarantine.js';
import { PUBLIC_TEXTS } from './i18n-public.js';
import { PLANS_TEXTS } from './i18n-plans.js';
import { OFFICERS_TEXTS } from './i18n-officers.js';
import { FOLLOW_UP_TEXTS } from './i18n-follow-ups.js';
import { APPLICATION_TEXTS } from './i18n-applications.js';
import { TRACKING_TEXTS } from './i18n-tracking.js';
import { VISIT_TEXTS } from './i18n-visits.js';

const zh = {
  'app.name': '天平', 'app.sub': '风险分级 · 双随机 · 监督', 'app.footer': '天平 Tianping · 开源的执法检查风险分级系统 · 每一次评分都可解释、可申辩、可审计',
  'nav.enterprise': '我的风险', 'nav.records': '我的记录', 'nav.visits': '检查通知', 'nav.enterprises': '企业风险', 'nav.map': '风险地图',
  'nav.plans': '抽查计划', 'nav.calendar': '检查日历', 'nav.audit': '审计记录', 'nav.models': '模型登记', 'nav.accounts': '账户管理',
  'nav.accessLog': '个人信息查阅记录', 'nav.docs': 'API 文档', 'nav.signOut': '退出', 'nav.lang': 'English',
  'nav.label': '主导航', 'nav.skip': '跳到主要内容',
  'role.enterprise': '企业用户', 'role.department': '部门执法人员', 'role.dispatcher': '调度员', 'role.oversight': '监督人员', 'role.admin': '管理员',
  'login.title': '登录', 'login.lead': '为执法部门、企业和监督人员提供同一份可解释的风险评分。',
  'login.point1': '企业：查看自己的风险等级、原因与改进建议', 'login.point2': '执法部门：按风险抽查、联合检查、一表通查', 'login.point3': '监督：防篡改记录、模型审批与公平性审计',
  'login.username': '用户名', 'login.password': '密码', 'login.submit': '登录', 'login.wrong': '用户名或密码错误。请检查后重试；连续失败 5 次将暂停 15 分钟。',
  'login.locked': '失败次数过多，已暂停登录。请在 {minutes} 分钟后再试，或联系管理员。', 'login.hint': '演示账户在 npm start 的输出中列出。',
  'login.slowed': '近来失败的登录较多，登录已放慢：请 {seconds} 秒后再试。',
  'common.listSep': '、', 'common.loading': '正在加载…', 'common.retry': '重试', 'common.print': '打印', 'common.actions': '操作', 'common.scrollRegion': '可横向滚动的内容', 'common.downloadCsv': '导出表格（CSV）', 'common.prev': '上一页', 'common.next': '下一页', 'common.page': '第 {page} 页', 'common.pageOf': '第 {page} / {pages} 页',
  'common.all': '全部', 'common.search': '查询', 'common.reset': '重置', 'common.none': '无', 'common.yes': '是', 'common.no': '否', 'common.view': '查看',
  'common.save': '保存', 'common.cancel': '取消', 'common.back': '返回', 'common.items': '{n} 条',
  'state.empty': '暂无数据', 'state.error': '出错了', 'state.badRequest': '这次查询没有被接受', 'state.badRequestHelp': '所填的条件有误，重试也不会变。请检查所填内容后再查；服务器的说明在下面。', 'state.serverSaid': '服务器的说明：{message}', 'state.errorHelp': '请稍后重试。如果问题持续，请把页面截图发给管理员。',
  'state.offline': '连接不上服务器', 'state.offlineHelp': '没有收到服务器的任何响应：可能是网络断开，或服务器没有运行。请检查网络连接后重试。',
  'state.unavailable': '此功能暂不可用', 'state.unavailableHelp': '{app}尚未提供此数据，或暂时没有响应。其它功能不受影响，请稍后再来查看。',
  'state.stillWaiting': '仍在等待{app}响应…', 'state.stillWaitingHelp': '它可能正忙。若迟迟没有结果，本页会说明原因，并可以重试。',
  'state.timedOut': '响应超时', 'state.timedOutHelp': '{app}长时间没有响应，可能正忙或出了故障。其它功能不受影响，请稍后重试。',
  'state.forbidden': '无权查看', 'state.toHome': '回到我的首页', 'state.forbiddenHelp': '当前账户的角色不能查看此页面。如需权限，请联系管理员。',
  'state.notFound': '没有找到', 'state.notFoundHelp': '记录不存在，或不属于当前账户。',
  'colour.green': '绿色 · 低风险', 'colour.yellow': '黄色 · 中风险', 'colour.red': '红色 · 高风险', 'colour.none': '尚未评分',
  'colour.greenShort': '绿', 'colour.yellowShort': '黄', 'colour.redShort': '红',
  'pii.lead': '办案需要时可查看法定代表人的完整姓名和证件号。请写明用途；每次查看都会写入防篡改的监督记录。', 'pii.reasonHint': '用途，例如：送达行政处罚告知书', 'pii.show': '查看完整信息', 'pii.reason': '查看用途',
  'pii.name': '法定代表人', 'pii.id': '证件号码', 'pii.logged': '本次查看已记入监督记录（查看人、时间、用途）。',
  'ent.title': '我的风险等级', 'ent.lead': '这是天平对贵单位当前的评估：检查时发现问题的可能性，以及原因。',
  'chance.about': '约 {pct}', 'chance.under1': '不到 1%', 'chance.over99': '超过 99%',
  'ent.chanceMeans': '也就是说，对情况与贵单位相似的企业，每 100 次检查约有 {n} 次会发现问题。这是模型的估计，不是定论。',
  'ent.suggestionsLead': '每条建议后的数字，是只做到这一条时检查发现问题的概率；做到几条，会降得更多。',
  'ent.suggestionEffect': '做到后，检查发现问题的概率可从{now}降至{after}。', 'ent.suggestionSmall': '做到后变化很小，仍为{now}。',
  'ent.colour': '风险等级', 'ent.band': '检查发现问题的概率', 'ent.meterLabel': '概率 {p}：{yellow} 起为黄色，{red} 起为红色', 'ent.asOf': '评估日期 {date} · 模型 {model} · 等级规则 {policy}',
  'ent.reasons': '为什么是这个等级', 'ent.reasonsLead': '每一项因素让风险升高（红）或降低（蓝）多少，条越长影响越大。数字是与同类企业的平均水平相比，检查发现问题的几率高或低多少：+50% 表示高一半，×2 表示约为两倍，−20% 表示低两成。',
  'ent.topReasons': '主要原因', 'ent.suggestions': '您可以做什么来降低风险', 'ent.noSuggestions': '当前没有需要特别改进的事项。请继续保持。',
  'ent.noScore': '尚无评分', 'ent.noScoreHelp': '评分服务还没有为贵单位计算风险。数据导入后会自动评分。',
  'ent.file': '我的档案', 'ent.inspections': '检查与处罚记录', 'ent.complaints': '投诉举报', 'ent.noInspections': '系统中没有贵单位的检查记录。',
  'ent.noComplaints': '系统中没有与贵单位关联的投诉举报。', 'ent.recordsLead': '以下是天平保存的贵单位记录。如有错误，可以在“陈述申辩”中对具体记录提出异议。',
  'ent.visits': '联合检查通知', 'ent.visitsLead': '可提前告知的联合检查会在这里通知；检查结束后，您可以为检查打分。',
  'ent.noVisits': '目前没有已安排的联合检查通知。', 'ent.rate': '为本次检查评分', 'ent.rated': '已评分 {n} 星', 'ent.stars': '{n} 星', 'ent.starsChosen': '已选 {n} 星', 'ent.comment': '意见（可选）',
  'ent.thanks': '感谢您的评价。', 'ent.appeals': '陈述申辩',
  'ent.subject': '主体信息', 'ent.legalRepId': '法定代表人证件号（已脱敏）',
  'field.creditCode': '统一社会信用代码', 'field.name': '名称', 'field.nameAndCode': '名称 / 信用代码', 'field.industry': '行业', 'field.region': '区县', 'field.status': '状态',
  'field.date': '日期', 'field.department': '部门', 'field.kind': '类型', 'field.result': '结果', 'field.penalty': '罚款（元）', 'field.violationNoResult': '有违法行为',
  'field.channel': '渠道', 'field.clueRef': '线索编号', 'field.category': '类别', 'field.verified': '已核实', 'field.colour': '风险', 'field.probability': '概率',
  'field.caseNo': '案件号', 'field.address': '地址', 'field.established': '成立日期', 'field.employees': '用工人数', 'field.checklist': '检查事项',
  'field.team': '检查组', 'field.reasons': '抽中原因', 'field.seed': '随机种子', 'field.window': '计划期', 'field.visits': '联合检查',
  'field.tasks': '检查任务', 'field.state': '状态', 'field.version': '版本', 'field.seq': '序号', 'field.recordedAt': '记录时间', 'field.subject': '对象',
  'bureau.title': '企业风险', 'bureau.lead': '按风险等级、区县和行业筛选企业，或按名称、代码查找；风险最高的排在最前。', 'bureau.fallback': '暂无风险评分（评分服务尚未评分或暂不可用），下面按统一社会信用代码列出企业。评分完成后，这里会按风险等级显示。',
  'bureau.q': '名称或代码', 'bureau.mapTitle': '风险地图', 'bureau.mapLead': '本页企业按位置显示，颜色为风险等级。', 'bureau.noLocation': '本页企业没有位置数据。',
  'actor.migration': '系统初始设置',
  'impact.title': '生效后的变化', 'impact.lead': '按现有 {n} 家企业的最新评分，在此阈值下与现行政策（{active}）下各颜色的企业数。', 'impact.isActive': '这是现行政策：现有 {n} 家企业的最新评分按它着色。',
  'impact.now': '现行政策', 'impact.then': '此政策', 'impact.change': '变化', 'impact.note': '只改变颜色，不重新评分：每家企业的概率不变。红色仍须监督人员逐一确认后才生效。',
  'bureau.summary.awaiting': '（其中 {n} 待确认）', 'bureau.summary.awaitingWhy': '其中 {n} 个红色待监督确认，确认前暂按黄色对待。',
  'bureau.summary': '风险分布', 'bureau.file': '企业档案',
  'bureau.review.awaiting': '待监督确认，暂按{colour}色对待', 'bureau.review.confirmed': '监督已确认', 'bureau.review.overridden': '监督改判为{colour}色',
  'bureau.review.help': '红色意味着优先检查，须经监督人员确认后才生效；确认前按黄色对待。监督人员也可以改判。',
  'bureau.export.fetching': '正在取得清单：已取得 {n} 家…', 'bureau.export.naming': '正在补全 {n} 家企业的名称和地址…', 'bureau.export.done': '已导出 {n} 家。',
  'bureau.export.capped': '只导出了风险最高的 {n} 家：请按颜色、区县或行业缩小范围，再导出其余的。', 'bureau.export.failed': '导出失败：{error}',
  'bureau.export.modelColour': '模型颜色', 'bureau.export.colourInForce': '生效颜色', 'bureau.export.review': '监督复核', 'bureau.export.asOf': '评分日期',
  'bureau.export.state.awaiting-confirmation': '待监督确认', 'bureau.export.state.confirmed': '监督已确认', 'bureau.export.state.overridden': '监督已改判',
  'plans.title': '抽查计划', 'plans.lead': '双随机抽查：按风险比例抽取，种子公开记录，任何人可复现。', 'plans.draw': '生成抽查计划', 'plans.whoDraws': '抽查计划由调度员统一抽取并发布，本页可查看各期计划和本部门的任务。下方部门计划（抽查比例、检查事项）也由调度员设置；如需调整，请联系调度员，改动自下一次抽取起生效。',
  'plans.from': '开始日期', 'plans.to': '结束日期', 'plans.seed': '随机种子（可选，留空则自动生成）', 'plans.recent': '最近的抽查',
  'plans.noDraws': '还没有抽查计划。选择计划期后点击“生成抽查计划”。', 'plans.running': '正在抽取并编排联合检查，这可能需要一分钟…',
  'plans.step1': '读取风险评分与部门计划', 'plans.step2': '按风险比例随机抽取', 'plans.step3': '合并为联合检查并组队', 'plans.step4': '独立校验并发布',
  'plans.done': '计划已生成：{visits} 次联合检查，{tasks} 项任务。', 'plans.rejected': '独立校验未通过，计划未发布：{n} 处问题。',
  'plans.departments': '部门计划', 'plans.redraw': '复现校验', 'plans.redrawOk': '用记录的种子和输入重新抽取，结果完全一致。', 'plans.redrawBad': '复现结果与记录不一致！',
  'plans.inputs': '输入指纹', 'plans.result': '结果指纹', 'plans.checker': '独立校验', 'plans.suspended': '模型已暂停：本次按统一比例抽取', 'plans.backfill': '补录：系统上线前已开始的计划',
  'plans.cutFrom': '已发布，{date} 起由新计划接替', 'plans.published': '已发布', 'plans.rejectedState': '未通过校验', 'plans.superseded': '已被替代', 'plans.exploration': '探索抽取',
  'cal.capped': '这段时间的联合检查至少有 {n} 次，这里只列出按日期最早的 {n} 次。请缩短日期范围，或按区县、部门筛选。',
  'cal.overdue': '过去 {days} 天里有 {n} 次联合检查已过检查日期，还没有录入结果。', 'cal.showOverdue': '查看这些检查',
  'cal.title': '检查日历', 'cal.lead': '已安排的联合检查，按日期和路线排列。',
  'cal.openNo': '检查编号', 'cal.openNoButton': '打开', 'cal.badNo': '检查编号形如 TP-2026-000123：TP、年份和至少 6 位序号。', 'cal.noVisits': '这段时间没有安排联合检查。可以换一个日期范围，或先生成抽查计划。',
  'nav.today': '我的行程', 'route.title': '我的检查行程', 'route.lead': '执法证号 {cert} 参加的联合检查：今天和之后 {days} 天，按走访顺序排列。点一家即可查看检查单、录入结果。',
  'route.dispatcher': '调度员没有自己的检查行程', 'route.dispatcherHelp': '“我的行程”列出部门执法人员本人执法证号下的联合检查。各检查组的路线请在检查日历中查看。',
  'route.unbound': '账号尚未绑定执法证号', 'route.unboundHelp': '请管理员在“账户管理”中为您的账号填写执法证号，这里就会列出您的检查行程。在此之前，可在检查日历中查找。',
  'route.overdue': '待录入结果 · {n} 家', 'route.overdueHelp': '这些检查日期已过，结果还没有录入。录入后企业才会按检查结果重新评分。',
  'route.freeToday': '今天没有安排您的检查。', 'route.away': '调度员已为您登记：', 'route.awayDays': '{kind}，{from} 至 {to}：这些日期不会再安排您检查。',
  'route.awayStillSent': '其中仍有 {n} 次检查安排了您，调度员将更换人员。', 'route.today': '今天', 'route.stops': '共 {n} 站', 'route.team': '检查组执法证号：{team}',
  'route.none': '之后 {days} 天没有安排您的检查', 'route.noneHelp': '调度员生成抽查计划后，分到您的检查会出现在这里。',
  'cal.record': '录入结果', 'cal.recorded': '结果已录入：{n} 项发现问题。', 'cal.violation': '发现的问题', 'cal.notYet': '检查日期未到，暂不能录入结果。',
  'cal.notYetOn': '这次检查安排在 {date}，检查之后才能录入结果。', 'cal.notOwn': '只有本次检查涉及的部门、检查组成员和调度员可以录入结果。', 'cal.violationNeeded': '{item}：结果为“{result}”时，请写明发现的问题。',
  'result.none': '未发现问题', 'result.rectify': '责令整改', 'result.case': '立案查处',
  'visit.scheduled': '已安排', 'visit.done': '已完成', 'visit.cancelled': '已取消', 'visit.notice': '可提前告知', 'visit.unannounced': '不预先告知',
  'audit.title': '审计记录', 'audit.lead': '每一次评分、模型和计划都写入防篡改的默克尔日志，并有签名检查点。',
  'audit.verify': '校验整个记录', 'audit.verifying': '正在重新计算每条记录与默克尔树…', 'audit.ok': '校验通过：{n} 条记录，全部完好。',
  'audit.bad': '发现篡改：第 {seq} 条 {problem}', 'audit.badCheckpoints': '记录条目完好，但有 {n} 个签名检查点未通过核验（签名、密钥或来源不符），不能作为证据：',
  'audit.badCheckpoint': '树大小 {size} 的检查点：{reason}', 'audit.noEntries': '记录为空。评分服务开始工作后，这里会出现记录。', 'audit.noMatches': '没有符合这些条件的记录。对象须填完整的统一社会信用代码（或计划、报告等的编号）。', 'audit.checkpoint': '最新签名检查点',
  'audit.kind': '类型', 'audit.queue': '复核队列',
  'models.title': '模型登记', 'models.lead': '每个模型版本的训练窗口、数据指纹、指标和审批状态。', 'models.none': '尚无模型版本。',
  'models.kill': '停用开关', 'models.reports': '公平性、准确性与漂移报告将在审计服务提供后以图表显示。',
  'accounts.title': '账户管理', 'accounts.lead': '每个账户有一个角色；企业账户绑定一个信用代码，部门账户绑定一个部门。',
  'accounts.create': '新建账户', 'accounts.disable': '停用', 'accounts.disabled': '已停用', 'accounts.active': '正常', 'accounts.created': '账户已创建。',
  'accounts.binding': '绑定', 'accounts.role': '角色', 'access.title': '个人信息查阅记录', 'access.entries': '查阅明细', 'access.lead': '谁在何时查看了哪家企业的个人信息（默认脱敏显示）。',
  'access.none': '还没有查阅记录。', 'access.shown': '显示方式', 'access.masked': '脱敏', 'access.full': '完整',
  'docs.title': 'API 文档', 'docs.lead': '所有接口在服务端检查角色与绑定。下表由同一张路由权限表生成。',
  'nav.appeals': '陈述申辩', 'nav.reviews': '复核队列',
  'time.seconds': '{n} 秒', 'time.minutes': '{n} 分钟', 'time.hours': '{n} 小时', 'time.days': '{n} 天',
  'receipt.notYet': '防篡改记录尚未收录此项，回执稍后即可下载。请过几分钟再试。',
  'record.case': '检查/案件', 'record.clue': '投诉举报',
  'correction.unlink': '解除关联（投诉与该企业无关）', 'correction.mark-false': '标记为不属实', 'correction.revoke': '撤销该认定',
  'correction.status.applied': '已更正', 'correction.status.not-applicable': '未更正',
  'correction.reason.wrong-action': '这类记录不能这样更正（例如检查/案件不能“解除关联”）。', 'correction.reason.unknown-record': '系统中没有这条记录。',
  'correction.reason.already-applied': '此前的申辩已作过同样的更正，记录无需再改。', 'correction.reason.not-linked': '这条投诉已不与任何企业关联。',
  'correction.reason.other-enterprise': '这条记录在另一家企业的档案中，不能依本申辩更正。',
  'ent.modelColour': '模型给出的等级', 'ent.effectiveColour': '现行等级', 'ent.review': '人工确认与回执',
  'ent.review.noScore': '尚无评分。', 'ent.review.inEffect': '{colour}色由模型给出并直接生效：只有红色需要监督人员人工确认后才生效。如认为有误，可以提出陈述申辩。',
  'ent.review.awaiting': '模型给出{model}色，尚待监督人员人工确认；确认前按{colour}色处理，不会因此被优先检查。',
  'ent.review.confirmed': '模型给出的{model}色已由监督人员于 {date} 人工确认，现按{model}色处理。',
  'ent.review.overridden': '监督人员于 {date} 将模型给出的{model}色改为{colour}色，现按{colour}色处理。',
  'ent.review.reasons': '监督人员的理由：', 'ent.review.fromAppeal': '此决定来自申辩 {id}',
  'ent.keepReceipt': '下载评分回执（JSON 文件）', 'ent.receiptHelp': '回执是防篡改记录第 {seq} 条的签名证明，证明这次评分的内容和时间；可用公开的公钥离线核验，申辩时可作为依据。',
  'ent.followAppeal': '查看进行中的申辩', 'ent.fileAppeal': '提出陈述申辩', 'ent.appealsLead': '对等级或所依据的记录有异议，可以提出陈述申辩；由与评分无关的人员复核，并书面答复。',
  'appeal.title': '陈述申辩', 'appeal.id': '申辩编号', 'appeal.against': '针对的评分', 'appeal.filedAt': '提交时间', 'appeal.due': '期限', 'appeal.reviewer': '复核人员',
  'appeal.status.filed': '已提交', 'appeal.status.in-review': '复核中', 'appeal.status.awaiting-rescore': '待重新评分', 'appeal.status.decided': '已决定', 'appeal.overdue': '已逾期',
  'appeal.outcome.upheld': '维持原评分', 'appeal.outcome.corrected': '更正记录并重新评分', 'appeal.outcome.overridden': '改判等级', 'appeal.outcomeCol': '结果',
  'appeal.outcomeMeans.upheld': '复核人员审查后维持原评分。', 'appeal.outcomeMeans.corrected': '复核人员认定部分记录有误，已通知更正；更正后自动重新评分。',
  'appeal.outcomeMeans.overridden': '复核人员以人工决定替代了模型给出的等级，自决定时起生效。',
  'appeal.outcomeMeans.correctedDone': '复核人员认定部分记录有误；记录已更正，{date} 按更正后的记录重新评分：', 'appeal.outcomeMeans.correctedNone': '复核人员认定部分记录有误，但数据归集服务未能更正其中任何一条（原因见办理进度），评分不变。',
  'appeal.decidedOn': '已于 {date} 作出决定', 'appeal.lateBy': '期限 {date}，已逾期 {n} 天', 'appeal.dueIn': '{date} 前作出决定（还剩 {n} 天）',
  'appeal.actor.scoring': '评分服务', 'appeal.actor.intake': '数据归集服务', 'appeal.actor.you': '贵单位', 'appeal.actor.officer': '复核人员',
  'appeal.step.filed': '提交申辩', 'appeal.step.in-review': '复核人员认领', 'appeal.step.decided': '作出决定', 'appeal.step.correction-sent': '通知更正记录', 'appeal.step.corrections-applied': '记录更正结果', 'appeal.step.rescored': '重新评分',
  'appeal.hint.inReview': '等待一位与此评分无关的监督人员认领', 'appeal.hint.decided': '须书面说明理由', 'appeal.hint.correction': '仅当决定更正记录时', 'appeal.hint.applied': '数据归集服务逐条更正，并说明未能更正的原因',
  'appeal.hint.rescored': '读取了更正后记录的新评分会自动办结申辩，显示前后等级',
  'appeal.noneApplied': '没有任何记录被更正，因此不会重新评分，申辩已办结。各条原因如下。',
  'appeal.filedDetail': '针对{colour}色评分；{records}，{files}。', 'appeal.filedRecords': '对 {n} 条记录提出异议', 'appeal.filedNoRecords': '未对具体记录提出异议', 'appeal.filedFiles': '附 {n} 个证据文件', 'appeal.filedNoFiles': '未附证据文件', 'appeal.receipt': '下载回执',
  'history.title': '评分变化', 'history.lead': '每一行是评分保持不变的一段日子；其下列出与前一段相比是什么改变了评分。', 'history.none': '还没有评分记录。',
  'history.range': '{from} 至 {to}', 'history.scores': '{n} 次评分', 'history.earliest': '所读取的最早一段。', 'history.model': '模型版本更新', 'history.policy': '颜色规则更新',
  'history.moved': '{factor}：{from} → {to}', 'history.up': '风险上升', 'history.down': '风险下降', 'history.moreFactors': '另有 {n} 项因素变化', 'history.noDetail': '与前一段相比没有因素变化。',
  'history.older': '更早的评分未列出。',
  'appeal.decision': '复核决定', 'appeal.reasons': '理由', 'appeal.grounds': '申辩理由', 'appeal.challenged': '提出异议的记录', 'appeal.recordAsFiled': '提出申辩时档案所载：', 'appeal.evidence': '证据材料', 'appeal.noEvidence': '未附证据文件。',
  'fileKind.pdf': 'PDF 文档', 'fileKind.image': '图片', 'fileKind.word': 'Word 文档', 'fileKind.spreadsheet': '电子表格', 'fileKind.text': '文本文件', 'fileKind.csv': 'CSV 表格', 'fileKind.zip': '压缩包', 'fileKind.other': '{ext} 文件', 'fileKind.unknown': '文件',
  'appeal.filedNotice': '申辩已提交，并已写入防篡改记录。请点击“提交申辩”一步旁的“下载回执”并妥善保存：它证明您在何时提交了什么（理由和文件以指纹记录）。',
  'appeal.progress': '办理进度', 'appeal.progressLead': '每一步都写入防篡改记录。每一步的回执都可以下载保存，作为申辩如何办理的凭证。',
  'appeal.verification': '核验信息', 'appeal.receiptCheckFor': '以下内容供核验回执的人使用（例如您的律师、法院或上级机关），您跟进申辩无需用到。',
  'appeal.receiptCheckHow': '回执由防篡改记录签名：任何人都可以用公开的公钥离线核验它没有被改动过。公钥地址：{key}',
  'appeal.evidenceCheckFor': '以下是每个文件的 SHA-256 指纹，供核验的人确认收到的文件与您提交的完全一致，您无需理会。',
  'appeal.progressLeadOfficer': '每一步都写入防篡改记录；申辩企业可以下载每一步的回执。', 'appeal.summary': '概况',
  'appeal.status.withdrawn': '已撤回', 'appeal.step.withdrawn': '撤回申辩', 'appeal.withdrawnOn': '已于 {date} 撤回，期限不再计算',
  'appeal.withdrawnDetail': '申辩由企业撤回，不再复核，也不会作出决定。', 'appeal.fileAnother': '提出新的申辩',
  'appeal.withdrawnNotice': '贵单位已于 {date} 撤回此申辩，它不会再被复核。如有需要，可以重新提出申辩。',
  'appeals.title': '陈述申辩', 'appeals.lead': '认为风险等级或所依据的记录有误，可以在这里陈述理由、提交证据，并跟踪办理进度。', 'appeals.rights': '您的权利',
  'appeals.right1': '由一位与此评分无关的监督人员复核：训练、审批或启用模型的人，设定等级规则的人，以及曾对贵单位作出颜色决定的人，都不能复核。',
  'appeals.right2': '在规定期限内（默认自提交起 15 日）作出决定，并书面说明理由；逾期的申辩会在监督人员的队列中标红。',
  'appeals.right3': '如认定记录有误，将通知更正并自动重新评分，您会看到更正前后的等级。', 'appeals.right4': '每一步都写入防篡改记录，您可以下载每一步的回执并离线核验。',
  'appeals.followOpen': '查看进行中的申辩 {id}', 'appeals.noScore': '尚无评分', 'appeals.noScoreHelp': '贵单位还没有风险评分，暂时无需申辩。评分后可以在这里提出。',
  'appeals.oneOpen': '贵单位已有一件申辩正在办理。同一时间只能有一件进行中的申辩；作出决定或撤回后可以再提出。', 'appeals.mine': '我的申辩', 'appeals.none': '还没有提出过申辩。',
  'appealForm.title': '提出陈述申辩', 'appealForm.lead': '写明您认为等级或记录有误的理由；可以对具体记录逐条提出异议，并附上证据（如整改验收材料、撤销决定书）。',
  'appealForm.grounds': '申辩理由（必填）', 'appealForm.groundsPlaceholder': '例如：2025 年 7 月检查发现的消防问题已于当月整改完毕，并经复查合格……',
  'appealForm.groundsHelp': '至少 10 个字。', 'appealForm.count': '{n} / {max} 字', 'appealForm.groundsShort': '申辩理由至少需要 {n} 个字。',
  'appealForm.challenge': '对记录提出异议（可选）', 'appealForm.challengeHelp': '勾选您认为有误的记录，并逐条说明问题。', 'appealForm.noRecords': '系统中没有贵单位的记录可供选择。',
  'appealForm.claim': '异议说明', 'appealForm.claimPlaceholder.case': '例如：该处罚已被行政复议撤销；或问题已整改并复查合格', 'appealForm.claimPlaceholder.clue': '例如：此投诉所指并非本单位',
  'appealForm.claimMissing': '请说明记录 {id} 有什么问题，或取消勾选。',
  'appealForm.evidence': '证据文件（可选）', 'appealForm.evidenceHelp': '最多 {n} 个文件，单个不超过 {each}，合计不超过 {max}（一次提交的上限）。可以是 PDF、图片、Office 文档等。',
  'appealForm.evidenceTotal': '已选 {n}/{files} 个文件，合计 {used} / {max}', 'appealForm.remove': '移除', 'appealForm.choose': '选择文件', 'appealForm.chooseHelp': '可一次选择多个文件；提交前可以移除。',
  'appealForm.tooMany': '{name} 未添加：最多附 {n} 个文件。', 'appealForm.emptyFile': '{name} 是空文件，未添加。',
  'appealForm.fileTooBig': '{name} 有 {size}，超过单个文件 {max} 的上限，未添加。请压缩或拆分后再附。', 'appealForm.totalTooBig': '{name} 未添加：附件合计将超过 {max}。请删去或压缩部分文件。',
  'appealForm.readFailed': '无法读取文件 {name}，请重新选择。', 'appealForm.submit': '提交申辩', 'appealForm.afterSubmit': '提交后写入防篡改记录，并可下载回执。',
  'appealForm.sending': '正在提交申辩…', 'appealForm.stepRead': '读取证据文件', 'appealForm.stepSend': '上传并登记', 'appealForm.stepRecord': '写入防篡改记录',
  'appealForm.alreadyOpen': '贵单位已有一件申辩正在办理，不能同时提出第二件。', 'appealForm.tooLarge': '提交的内容超过 5 MB 的上限。请减少或压缩证据文件后重试。',
  'withdraw.title': '撤回申辩', 'withdraw.lead': '作出决定前可以撤回申辩：撤回后不再复核，期限停止计算，撤回一步写入防篡改记录。撤回后可以重新提出申辩。',
  'withdraw.reason': '撤回原因（可选）', 'withdraw.reasonPlaceholder': '例如：问题已通过其他途径解决；补充材料后重新提出',
  'withdraw.reasonHelp': '最多 500 字。原因只有贵单位和监督人员可见，防篡改记录只保存它的指纹。', 'withdraw.submit': '撤回申辩', 'withdraw.yes': '确认撤回',
  'withdraw.confirm': '确定撤回申辩 {id}？撤回后不能恢复，复核人员不会再处理它。', 'withdraw.conflict': '此申辩已经作出决定或已撤回，不能再撤回。请刷新后查看。',
  'review.withdrawn': '企业已于 {date} 撤回此申辩，无需再作决定。',
  'reviews.title': '复核队列', 'reviews.lead': '需要人来决定的事：待确认的红色评分、按期限排列的申辩，以及每位人员的决定情况。',
  'reviews.pendingConfirmations': '待确认的红色', 'reviews.confirmations': '待人工确认的红色评分',
  'reviews.confirmationsLead': '红色会导致优先检查，须经监督人员确认才生效；确认前按黄色处理。请核对后确认，或写明理由改判。等待最久的在前。',
  'reviews.noConfirmations': '没有待确认的红色评分。', 'reviews.modelColour': '模型等级', 'reviews.waiting': '等待自', 'reviews.waited': '已等待 {time}',
  'reviews.decide': '确认或改判', 'reviews.confirmAs': '确认为{colour}色', 'reviews.overrideTo': '改为{colour}色', 'reviews.colour': '决定', 'reviews.reasons': '理由（必填，企业可见）',
  'reviews.reasonsPlaceholder': '写明依据：核查了哪些记录，为什么同意或不同意模型给出的等级。', 'reviews.reasonsRequired': '请写明理由（至少 5 个字）。',
  'reviews.logged': '决定和理由写入防篡改记录，并通知调度服务。', 'reviews.confirmedDone': '已确认为{colour}色（记录第 {seq} 条）。', 'reviews.overriddenDone': '已改为{colour}色（记录第 {seq} 条）。',
  'reviews.alreadyDecided': '此评分已由他人作出决定。请刷新页面。', 'reviews.appeals': '申辩（期限最早的在前）', 'reviews.appealsLead': '逾期的申辩标红。打开一件申辩即可认领并作出决定。',
  'reviews.noAppeals': '这一类没有申辩。', 'reviews.noAppealsFiled': '没有等待认领的申辩。',
  'reviews.officers': '人员决定情况', 'reviews.officersLead': '几乎从不改判、且大多在打开案卷后一分钟内作出的确认，可能是未经审查的“盖章”，值得抽查。用时从本人第一次打开案卷算起。',
  'reviews.officer': '人员', 'reviews.decisions': '决定数', 'reviews.confirmed': '确认', 'reviews.overridden': '改判', 'reviews.overrideRate': '改判率', 'reviews.median': '决定用时（自打开案卷，中位数）', 'reviews.unopened': '{n} 项决定未打开案卷即作出，用时从评分到达算起',
  'reviews.underMinute': '打开后一分钟内作出', 'reviews.rubberStamp': '可能未经审查', 'reviews.someQuick': '留意', 'reviews.noOfficers': '还没有人作出确认或改判。', 'reviews.backToQueue': '返回复核队列',
  'review.title': '复核', 'review.basis': '被申辩评分的依据', 'review.byOther': '此申辩正由 {reviewer} 复核。', 'review.awaitingRescore': '已通知更正记录。数据归集服务会回报每条更正的结果；第一个读取了更正后记录的评分会自动办结申辩。',
  'review.claim': '认领复核', 'review.claimLead': '认领后，由您在期限内作出决定并书面说明理由。曾参与此评分的人员（训练、审批或启用模型，设定等级规则，或曾对该企业作出颜色决定）不能认领。',
  'review.refused': '您不能复核此申辩', 'review.decide': '作出决定', 'review.outcome': '决定', 'review.noChallenges': '申辩未对具体记录提出异议，无法更正记录。',
  'review.outcomeHelp.upheld': '评分无误，维持不变。', 'review.outcomeHelp.corrected': '认定所选记录有误：通知更正，并自动重新评分。', 'review.outcomeHelp.overridden': '以人工决定替代模型给出的等级，立即生效。',
  'review.overrideColour': '改判为', 'review.corrections': '要更正的记录', 'review.reasons': '理由（必填，申辩企业可见）', 'review.reasonsPlaceholder': '逐条回应申辩理由和证据，说明决定的依据。',
  'review.reasonsHelp': '理由会原样显示给申辩企业，并写入防篡改记录。', 'review.pickCorrection': '请至少选择一条要更正的记录。', 'review.submit': '提交决定', 'review.confirmSubmit': '确认提交',
  'review.confirmUpheld': '将维持原评分。', 'review.confirmCorrected': '将更正 {n} 条记录并重新评分。', 'review.confirmOverride': '将把{from}色改判为{to}色。', 'review.final': '决定提交后写入防篡改记录，不能撤回。', 'review.confirmLine': '{summary}{final}',
  'audit.openAppeals': '进行中的申辩', 'audit.openQueue': '打开复核队列', 'models.by': '操作人',
  'kill.running': '模型运行中', 'kill.runningMeans': '抽查按风险比例抽取。', 'kill.suspended': '模型已暂停', 'kill.suspendedMeans': '抽查不使用风险评分，按统一比例随机抽取，直到有人恢复。',
  'kill.since': '{date} 由 {actor} 操作。理由：{reason}', 'kill.onlyOversight': '只有监督人员可以暂停或恢复模型。', 'kill.history': '操作记录', 'kill.act': '操作', 'kill.actSuspend': '暂停',
  'kill.actResume': '恢复', 'kill.actor': '操作人', 'kill.reason': '理由', 'kill.noHistory': '停用开关还没有使用过。',
  'kill.suspendPlaceholder': '例如：发现某区县红色比例异常，暂停核查', 'kill.resumePlaceholder': '例如：核查完毕，问题已修复', 'kill.suspend': '暂停模型', 'kill.resume': '恢复按风险抽取',
  'kill.reasonRequired': '请写明理由（至少 5 个字）。', 'kill.confirmSuspend': '暂停后，新的抽查不再使用风险评分，改为按统一比例随机抽取。此操作写入防篡改记录。确定暂停吗？',
  'kill.confirmResume': '恢复后，新的抽查重新按风险比例抽取。此操作写入防篡改记录。确定恢复吗？', 'kill.changed': '状态已被他人改变。',
  'dept.SAMR': '市场监督管理', 'dept.ENV': '生态环境', 'dept.EMG': '应急管理', 'dept.FIRE': '消防救援', 'dept.HEALTH': '卫生健康', 'dept.HRSS': '人力资源和社会保障', 'dept.CITY': '城市管理综合执法', 'dept.AGRI': '农业农村',
  'channel.12345': '12345 热线', 'channel.grid': '网格员', 'channel.city_brain': '城市大脑', 'channel.online': '网上投诉',
  'category.food_safety': '食品安全', 'category.product_quality': '产品质量', 'category.fire_safety': '消防安全', 'category.pollution': '环境污染', 'category.labour': '劳动用工',
  'category.price': '价格', 'category.licence': '证照', 'category.other': '其他',
  'clueStatus.pending': '待处理', 'clueStatus.handled': '已处理', 'clueStatus.closed': '已办结',
  'ent.abnormalListed': '列入经营异常名录', 'ent.industrySection': '{code} · {name}', 'ent.technical': '技术信息', 'ent.scoreId': '评分编号', 'ent.inputFingerprint': '输入指纹',
  'ent.modelVersion': '模型版本', 'ent.policyVersion': '等级规则', 'ent.asOfDate': '评估日期 {date}', 'ent.fileNoVisits': '该企业没有已安排或已完成的联合检查。',
  'ent.receiptSaved': '已保存 {file}。请与贵单位的其他文件一起妥善保管。', 'ent.receiptWhat': '回执是什么、如何核验',
  'ent.receiptHow1': '这是一个 JSON 文件，内容包括：这次评分的全部内容（等级、概率、各项因素和数值）、它在防篡改记录中的位置（第 {seq} 条），证明它已被收录的默克尔路径，以及监督系统对整个记录的签名。',
  'ent.receiptHow2': '任何人都可以离线核验：用公开的公钥（{key}）检查签名，再按默克尔路径重新计算哈希。天平是开源软件，核验方法见其代码（libs/audit-log 的 verifyReceipt）；律师或技术人员可以代为核验。',
  'ent.receiptHow3': '只要回执核验通过，就证明这次评分在那时已按原样记录、之后没有被改动。申辩时可以把它作为依据提交。',
  'ent.receiptArchived': '这次评分的完整记录（各项因素、数值和理由）已归档，保存在防篡改记录的归档文件 {file} 中，不在回执里。回执仍可下载和核验：它证明记录第 {seq} 条已被收录、之后没有被改动。如需完整记录，请向执法局或监督部门申请，并注明记录第 {seq} 条。',
  'ent.receiptHow1Archived': '这是一个 JSON 文件，内容包括：这次评分在防篡改记录中的位置（第 {seq} 条）和哈希、证明它已被收录的默克尔路径、保存其完整内容的归档文件名，以及监督系统对整个记录的签名。',
  'chart.timesOdds': '×{x}', 'chart.raisesPct': '+{pct}', 'chart.lowersPct': '−{pct}', 'chart.negligible': '<1%', 'chart.raisesRisk': '升高风险', 'chart.lowersRisk': '降低风险', 'chart.factorLine': '{factor}：{direction}，{effect}',
  'why.oddsSame': '（与平均水平相差不到 1%）', 'why.oddsAbove': '（风险比平均水平高约 {pct}）', 'why.oddsBelow': '（风险比平均水平低约 {pct}）', 'why.oddsTimes': '（风险约为平均水平的 {x} 倍）',
  'why.years_in_operation': '存续期 {n} 年', 'why.shareholder_subscribed_capital': '股东认缴出资额 {n} 万元', 'why.employees': '用工人数 {n}',
  'why.industry': '所属行业门类 {code}（{name}）', 'why.registered_capital': '认缴注册资本 {n} 万元', 'why.violations_3y': '近三年违法 {n} 次',
  'why.inspection_fail_rate': '历史检查不合格率 {pct}', 'why.complaints_12m': '近一年投诉举报折合 {n} 件', 'why.complaints_12m.note': '；其中属实的全计，尚未核实的少计，不属实的不计', 'why.abnormal_listed.yes': '列入经营异常名录',
  'why.abnormal_listed.no': '未列入经营异常名录', 'why.legal_rep_changes_2y': '近两年法定代表人变更 {n} 次', 'why.days_since_last_inspection': '距上次检查 {n} 天',
  'why.shared_address_count': '同一地址另有 {n} 个在业主体',
  'factorValue.years': '{n} 年', 'factorValue.capital': '{n} 万元', 'factorValue.days': '{n} 天',
  'bureau.searchName': '名称含“{q}”的企业（按统一社会信用代码分页，每页内风险高的在前）。', 'bureau.noneNamed': '没有名称含“{q}”的企业。', 'bureau.searchCodePiece': '统一社会信用代码或名称含“{q}”的企业（按统一社会信用代码排序）。', 'bureau.noneCodePiece': '没有统一社会信用代码或名称含“{q}”的企业。', 'bureau.shortCodePiece': '没有名称含“{q}”的企业。按代码查找请至少输入 6 位（例如 9 位组织机构代码），这里是 {n} 位。', 'bureau.noneFiltered': '没有符合这些筛选条件的企业。', 'bureau.searchCode': '统一社会信用代码为 {q} 的企业。', 'bureau.badRegion': '区县请填写行政区划代码（2 到 12 位数字，例如 4406 或 440604），或辖区内的区县名称（例如 南海区）。',
  'bureau.regionHint': '440604 或 南海区', 'bureau.allIndustries': '全部行业',
  'pii.reasonShort': '请写明用途（5 到 500 个字）。', 'ent.pickStars': '请先点击星星选择 1 到 5 星。', 'ent.commentLong': '意见最多 500 个字。', 'login.missing': '请输入用户名和密码。',
};

const en = {
  'app.name': 'Tianping', 'app.sub': 'Risk · Double random · Oversight', 'app.footer': 'Tianping 天平 · open-source risk-based inspection · every score explained, contestable and audited',
  'nav.enterprise': 'My risk', 'nav.records': 'My records', 'nav.visits': 'Visit notices', 'nav.enterprises': 'Enterprises', 'nav.map': 'Risk map',
  'nav.plans': 'Plans', 'nav.calendar': 'Calendar', 'nav.audit': 'Audit record', 'nav.models': 'Models', 'nav.accounts': 'Accounts',
  'nav.accessLog': 'Personal-data views', 'nav.docs': 'API docs', 'nav.signOut': 'Sign out', 'nav.lang': '中文',
  'nav.label': 'Main', 'nav.skip': 'Skip to main content',
  'role.enterprise': 'Enterprise', 'role.department': 'Department officer', 'role.dispatcher': 'Dispatcher', 'role.oversight': 'Oversight officer', 'role.admin': 'Administrator',
  'login.title': 'Sign in', 'login.lead': 'One explainable risk score for bureaus, enterprises and oversight alike.',
  'login.point1': 'Enterprises: your colour, the reasons, and what lowers your risk', 'login.point2': 'Bureaus: risk-weighted draws, joint visits, one checklist', 'login.point3': 'Oversight: tamper-evident record, model approvals, fairness audits',
  'login.username': 'Username', 'login.password': 'Password', 'login.submit': 'Sign in', 'login.wrong': 'Wrong username or password. Check and try again; after 5 failures sign-in pauses for 15 minutes.',
  'login.locked': 'Too many failed attempts: sign-in is paused. Try again in {minutes} minutes or ask an administrator.', 'login.hint': 'Demo accounts are listed in the output of npm start.',
  'login.slowed': 'Many failed sign-ins lately, so sign-in is slowed: try again in {seconds} seconds.',
  'common.listSep': ', ', 'common.loading': 'Loading…', 'common.retry': 'Retry', 'common.print': 'Print', 'common.actions': 'Actions', 'common.scrollRegion': 'Content that scrolls sideways', 'common.downloadCsv': 'Download as CSV', 'common.prev': 'Previous', 'common.next': 'Next', 'common.page': 'Page {page}', 'common.pageOf': 'Page {page} of {pages}',
  'common.all': 'All', 'common.search': 'Search', 'common.reset': 'Reset', 'common.none': 'None', 'common.yes': 'Yes', 'common.no': 'No', 'common.view': 'View',
  'common.save': 'Save', 'common.cancel': 'Cancel', 'common.back': 'Back', 'common.items': '{n} items', 'common.items.one': '{n} item',
  'state.empty': 'Nothing here yet', 'state.error': 'Something went wrong', 'state.badRequest': 'This request was not accepted', 'state.badRequestHelp': 'Something in what was asked is not valid, and asking again will not change that. Check what you entered; the server\'s own words are below.', 'state.serverSaid': 'The server said: {message}', 'state.errorHelp': 'Try again in a moment. If it keeps happening, send a screenshot of this page to your administrator.',
  'state.offline': 'Cannot reach the server', 'state.offlineHelp': 'No answer came from the server: the network may be down, or the server not running. Check the connection, then try again.',
  'state.unavailable': 'Not available yet', 'state.unavailableHelp': '{app} does not offer this yet, or is not answering. Everything else still works; check back later.',
  'state.stillWaiting': 'Still waiting for {app} to answer…', 'state.stillWaitingHelp': 'It may be busy. If no answer comes, this page will say why and let you try again.',
  'state.timedOut': 'No answer in time', 'state.timedOutHelp': '{app} took too long to answer: it may be busy or out of order. Everything else still works; try again in a while.',
  'state.forbidden': 'Not for this account', 'state.toHome': 'Back to my start page', 'state.forbiddenHelp': 'Your role may not see this page. Ask an administrator if you need access.',
  'state.notFound': 'Not found', 'state.notFoundHelp': 'The record does not exist, or does not belong to this account.',
  'colour.green': 'Green · low risk', 'colour.yellow': 'Yellow · medium risk', 'colour.red': 'Red · high risk', 'colour.none': 'Not scored yet',
  'colour.greenShort': 'Green', 'colour.yellowShort': 'Yellow', 'colour.redShort': 'Red',
  'pii.lead': 'For case handling you may see the legal representative\'s full name and ID number. Say why; every view is written to the tamper-evident oversight record.', 'pii.reasonHint': 'Purpose, e.g. serving a penalty notice', 'pii.show': 'Show in full', 'pii.reason': 'Purpose of this view',
  'pii.name': 'Legal representative', 'pii.id': 'ID number', 'pii.logged': 'This view is in the oversight record (who, when, why).',
  'ent.title': 'My risk rating', 'ent.lead': 'Tianping\'s current assessment of your enterprise: how likely an inspection is to find a problem, and why.',
  'chance.about': 'about {pct}', 'chance.under1': 'under 1%', 'chance.over99': 'over 99%',
  'ent.chanceMeans': 'That is, of 100 inspections of enterprises like yours, about {n} find a problem. It is the model\'s estimate, not a verdict.',
  'ent.suggestionsLead': 'The figure after each suggestion is the chance of a finding if you take that step alone; taking several lowers it further.',
  'ent.suggestionEffect': 'Done, the chance of a finding could fall from {now} to {after}.', 'ent.suggestionSmall': 'Done, it would change little: still {now}.',
  'ent.colour': 'Risk colour', 'ent.band': 'Chance an inspection finds a problem', 'ent.meterLabel': 'Chance {p}: yellow from {yellow}, red from {red}', 'ent.asOf': 'As of {date} · model {model} · colour policy {policy}',
  'ent.reasons': 'Why this colour', 'ent.reasonsLead': 'How much each factor raises (red) or lowers (blue) the risk; longer bars matter more. The figures compare the odds of an inspection finding a problem with the average enterprise: +50% means half as likely again, ×2 about twice as likely, −20% a fifth less likely.',
  'ent.topReasons': 'Main reasons', 'ent.suggestions': 'What you can do to lower your risk', 'ent.noSuggestions': 'Nothing in particular to improve right now. Keep it up.',
  'ent.noScore': 'No score yet', 'ent.noScoreHelp': 'The scoring service has not scored your enterprise yet. It will once your data is in.',
  'ent.file': 'My file', 'ent.inspections': 'Inspections and penalties', 'ent.complaints': 'Complaints and leads', 'ent.noInspections': 'The suite holds no inspection records for your enterprise.',
  'ent.noComplaints': 'No complaints are linked to your enterprise.', 'ent.recordsLead': 'These are the records Tianping holds about you. If one is wrong, challenge it under "Appeals".',
  'ent.visits': 'Joint visit notices', 'ent.visitsLead': 'Visits that may be announced appear here; after a visit you can rate it.',
  'ent.noVisits': 'No joint visits are announced for now.', 'ent.rate': 'Rate this visit', 'ent.rated': 'Rated {n} stars', 'ent.rated.one': 'Rated 1 star', 'ent.stars': '{n} stars', 'ent.stars.one': '1 star', 'ent.starsChosen': '{n} stars chosen', 'ent.starsChosen.one': '1 star chosen', 'ent.comment': 'Comment (optional)',
  'ent.thanks': 'Thank you for your rating.', 'ent.appeals': 'Appeals',
  'ent.subject': 'Registration', 'ent.legalRepId': 'Legal representative ID (masked)',
  'field.creditCode': 'Credit code', 'field.name': 'Name', 'field.nameAndCode': 'Name / credit code', 'field.industry': 'Industry', 'field.region': 'District', 'field.status': 'Status',
  'field.date': 'Date', 'field.department': 'Department', 'field.kind': 'Kind', 'field.result': 'Result', 'field.penalty': 'Penalty (yuan)', 'field.violationNoResult': 'Violation found',
  'field.channel': 'Channel', 'field.clueRef': 'Reference', 'field.category': 'Category', 'field.verified': 'Verified', 'field.colour': 'Risk', 'field.probability': 'Probability',
  'field.caseNo': 'Case no.', 'field.address': 'Address', 'field.established': 'Established', 'field.employees': 'Employees', 'field.checklist': 'Checklist',
  'field.team': 'Team', 'field.reasons': 'Why drawn', 'field.seed': 'Seed', 'field.window': 'Window', 'field.visits': 'Joint visits',
  'field.tasks': 'Tasks', 'field.state': 'State', 'field.version': 'Version', 'field.seq': 'Seq', 'field.recordedAt': 'Recorded', 'field.subject': 'Subject',
  'bureau.title': 'Enterprises by risk', 'bureau.lead': 'Filter by colour, district and industry, or search by name or code; the riskiest come first.', 'bureau.fallback': 'No risk scores yet (scoring has not scored or is not answering): enterprises are listed by credit code. Colours appear here once they are scored.',
  'bureau.q': 'Name or code', 'bureau.mapTitle': 'Risk map', 'bureau.mapLead': 'Enterprises on this page by location, coloured by risk.', 'bureau.noLocation': 'No locations for the enterprises on this page.',
  'actor.migration': 'Initial setup',
  'impact.title': 'What it would change', 'impact.lead': 'The latest scores of {n} enterprises, coloured under these thresholds and under the active policy ({active}).', 'impact.isActive': 'This is the active policy: the latest scores of {n} enterprises are coloured by it.',
  'impact.now': 'Active policy', 'impact.then': 'This policy', 'impact.change': 'Change', 'impact.note': 'Only colours change, no score is recomputed: every probability stays as it is. A red still takes effect only once an oversight officer confirms it.',
  'bureau.summary.awaiting': ' ({n} awaiting confirmation)', 'bureau.summary.awaitingWhy': '{n} of the reds await oversight confirmation and count as yellow until then.',
  'bureau.summary': 'Colour mix', 'bureau.file': 'Enterprise file',
  'bureau.review.awaiting': 'Awaiting oversight: counts as {colour}', 'bureau.review.confirmed': 'Confirmed by oversight', 'bureau.review.overridden': 'Oversight changed it to {colour}',
  'bureau.review.help': 'Red means priority inspection, so it takes effect only once an oversight officer confirms it; until then it counts as yellow. Officers may also override a colour.',
  'bureau.export.fetching': 'Fetching the list: {n} so far…', 'bureau.export.naming': 'Adding the names and addresses of {n} enterprises…', 'bureau.export.done': '{n} enterprises saved.',
  'bureau.export.capped': 'Only the {n} riskiest were saved: narrow the list by colour, district or industry to save the rest.', 'bureau.export.failed': 'Could not save the list: {error}',
  'bureau.export.modelColour': 'Model colour', 'bureau.export.colourInForce': 'Colour in force', 'bureau.export.review': 'Oversight review', 'bureau.export.asOf': 'Scored as of',
  'bureau.export.state.awaiting-confirmation': 'Awaiting confirmation', 'bureau.export.state.confirmed': 'Confirmed by oversight', 'bureau.export.state.overridden': 'Changed by oversight',
  'plans.title': 'Inspection plans', 'plans.lead': 'Double-random draws: risk-weighted, seed recorded, reproducible by anyone.', 'plans.draw': 'Draw a plan', 'plans.whoDraws': 'Plans are drawn and published by the dispatcher for all departments; here you can read each plan and your department’s tasks. The department plans below (ratios, checklist) are set by the dispatcher too: ask them for a change, which applies from the next draw.',
  'plans.from': 'From', 'plans.to': 'To', 'plans.seed': 'Seed (optional; one is generated if empty)', 'plans.recent': 'Recent draws',
  'plans.noDraws': 'No plans yet. Pick a window and press "Draw a plan".', 'plans.running': 'Drawing and planning joint visits; this may take a minute…',
  'plans.step1': 'Read scores and department plans', 'plans.step2': 'Draw at random, weighted by risk', 'plans.step3': 'Bundle into joint visits and teams', 'plans.step4': 'Check independently and publish',
  'plans.done': 'Plan ready: {visits} joint visits, {tasks} tasks.', 'plans.rejected': 'The independent check failed; the plan was not published: {n} problems.',
  'plans.departments': 'Department plans', 'plans.redraw': 'Re-draw check', 'plans.redrawOk': 'Re-drawn from the recorded seed and inputs: identical.', 'plans.redrawBad': 'The re-draw differs from the record!',
  'plans.inputs': 'Inputs fingerprint', 'plans.result': 'Result fingerprint', 'plans.checker': 'Independent check', 'plans.suspended': 'Model suspended: drawn at a uniform rate', 'plans.backfill': 'Backfill: a plan begun before the system',
  'plans.cutFrom': 'Published; a newer plan takes over on {date}', 'plans.published': 'Published', 'plans.rejectedState': 'Rejected', 'plans.superseded': 'Superseded', 'plans.exploration': 'Exploration',
  'cal.capped': 'There are at least {n} joint visits in this period; only the earliest {n} are listed. Shorten the dates, or filter by district or department.',
  'cal.overdue': 'In the past {days} days, {n} joint visits are past their day with no results recorded.', 'cal.overdue.one': 'In the past {days} days, 1 joint visit is past its day with no results recorded.', 'cal.showOverdue': 'Show them',
  'cal.title': 'Visit calendar', 'cal.lead': 'Scheduled joint visits by day and route.',
  'cal.openNo': 'Visit no.', 'cal.openNoButton': 'Open', 'cal.badNo': 'A visit number looks like TP-2026-000123: TP, the year and a count of at least 6 digits.', 'cal.noVisits': 'No joint visits in this period. Try other dates, or draw a plan first.',
  'nav.today': 'My route', 'route.title': 'My inspection route', 'route.lead': 'Joint visits with certificate number {cert}: today and the next {days} days, in visiting order. Tap one for its checklist and to record results.',
  'route.dispatcher': 'A dispatcher has no route of their own', 'route.dispatcherHelp': 'My route lists the joint visits under a department officer\'s own certificate number. Every team\'s route is in the calendar.',
  'route.unbound': 'This account is not bound to a certificate number', 'route.unboundHelp': 'Ask an administrator to add your certificate number (执法证号) to your account under Accounts; your route will then be listed here. Until then, find your visits in the calendar.',
  'route.overdue': 'Results to record · {n}', 'route.overdueHelp': 'These visits have taken place but their results are not recorded yet. The enterprises are re-scored from the results once they are.',
  'route.freeToday': 'No visits for you today.', 'route.away': 'The dispatcher has entered you as away:', 'route.awayDays': '{kind}, {from} to {to}: no visit will be drawn for you on these days.',
  'route.awayStillSent': '{n} visits already scheduled on them still name you; the dispatcher will replace you on each.', 'route.today': 'Today', 'route.stops': '{n} stops', 'route.team': 'Team certificate numbers: {team}',
  'route.none': 'No visits for you in the next {days} days', 'route.noneHelp': 'Once a dispatcher draws a plan, the visits you are on appear here.',
  'cal.record': 'Record results', 'cal.recorded': 'Results recorded: {n} items with findings.', 'cal.violation': 'What was found', 'cal.notYet': 'The visit has not happened yet: results come afterwards.',
  'cal.notYetOn': 'This visit is planned for {date}: results can be recorded after it.', 'cal.notOwn': 'Only the departments on this visit, the officers on its team, and dispatchers can record its results.', 'cal.violationNeeded': '{item}: say what was found when the result is "{result}".',
  'result.none': 'No problem', 'result.rectify': 'Ordered to rectify', 'result.case': 'Case opened',
  'visit.scheduled': 'Scheduled', 'visit.done': 'Done', 'visit.cancelled': 'Cancelled', 'visit.notice': 'May be announced', 'visit.unannounced': 'Unannounced',
  'audit.title': 'Audit record', 'audit.lead': 'Every score, model and plan is written to a tamper-evident Merkle log with signed checkpoints.',
  'audit.verify': 'Verify the whole record', 'audit.verifying': 'Recomputing every entry and the Merkle tree…', 'audit.ok': 'Verified: {n} entries, all intact.',
  'audit.bad': 'Tampering found: entry {seq} {problem}', 'audit.badCheckpoints': 'The entries are intact, but {n} signed checkpoint(s) failed verification (signature, key or origin) and cannot serve as evidence:',
  'audit.badCheckpoint': 'checkpoint at tree size {size}: {reason}', 'audit.noEntries': 'The record is empty. Entries appear once scoring is at work.', 'audit.noMatches': 'No entry matches these filters. The subject must be a whole credit code (or a plan\'s, report\'s … identifier).', 'audit.checkpoint': 'Latest signed checkpoint',
  'audit.kind': 'Kind', 'audit.queue': 'Review queue',
  'models.title': 'Model registry', 'models.lead': 'Each model version with its training window, data fingerprint, metrics and approval state.', 'models.none': 'No model versions yet.',
  'models.kill': 'Kill switch', 'models.reports': 'Fairness, accuracy and drift reports will be charted here once the audit service serves them.',
  'accounts.title': 'Accounts', 'accounts.lead': 'Each account has one role; an enterprise account is bound to one credit code, an officer to one department.',
  'accounts.create': 'New account', 'accounts.disable': 'Disable', 'accounts.disabled': 'Disabled', 'accounts.active': 'Active', 'accounts.created': 'Account created.',
  'accounts.binding': 'Bound to', 'accounts.role': 'Role', 'access.title': 'Personal-data views', 'access.entries': 'Views', 'access.lead': 'Who viewed which enterprise\'s personal data, and when (masked by default).',
  'access.none': 'No views recorded yet.', 'access.shown': 'Shown', 'access.masked': 'Masked', 'access.full': 'In full',
  'docs.title': 'API documentation', 'docs.lead': 'Every route checks role and binding on the server. This table is generated from the same route table.',
  'nav.appeals': 'Appeals', 'nav.reviews': 'Review queue',
  'time.seconds': '{n} s', 'time.minutes': '{n} min', 'time.hours': '{n} h', 'time.days': '{n} days',
  'receipt.notYet': 'The tamper-evident record has not logged this yet; the receipt will be ready shortly. Try again in a few minutes.',
  'record.case': 'Case', 'record.clue': 'Complaint',
  'correction.unlink': 'Unlink (not about this enterprise)', 'correction.mark-false': 'Mark as untrue', 'correction.revoke': 'Revoke the finding',
  'correction.status.applied': 'Applied', 'correction.status.not-applicable': 'Not applied',
  'correction.reason.wrong-action': 'This kind of record cannot be corrected this way (a case cannot be unlinked, for example).', 'correction.reason.unknown-record': 'The records hold no such record.',
  'correction.reason.already-applied': 'An earlier appeal made the same correction; the record needed no change.', 'correction.reason.not-linked': 'This complaint is not linked to any enterprise.',
  'correction.reason.other-enterprise': "This record is in another enterprise's file, so this appeal cannot correct it.",
  'ent.modelColour': 'Model colour', 'ent.effectiveColour': 'Colour in effect', 'ent.review': 'Human review and receipt',
  'ent.review.noScore': 'No score yet.', 'ent.review.inEffect': '{colour} comes from the model and is in effect: only red needs an oversight officer to confirm it. If you think it is wrong, you can appeal.',
  'ent.review.awaiting': 'The model gives {model}, which an oversight officer has yet to confirm. Until then you are treated as {colour} and are not prioritised for inspection because of it.',
  'ent.review.confirmed': 'An oversight officer confirmed the model\'s {model} on {date}: {model} is in effect.',
  'ent.review.overridden': 'On {date} an oversight officer changed the model\'s {model} to {colour}: {colour} is in effect.',
  'ent.review.reasons': 'The oversight officer\'s reasons:', 'ent.review.fromAppeal': 'Decided on appeal {id}',
  'ent.keepReceipt': 'Download the score receipt (JSON file)', 'ent.receiptHelp': 'The receipt is the signed proof of entry {seq} of the tamper-evident record: what this score was and when. Anyone can check it offline with the public key; it can support an appeal.',
  'ent.followAppeal': 'Follow your open appeal', 'ent.fileAppeal': 'File an appeal', 'ent.appealsLead': 'If you disagree with your colour or a record behind it, you can appeal: someone with no part in the score reviews it and answers in writing.',
  'appeal.title': 'Appeal', 'appeal.id': 'Appeal no.', 'appeal.against': 'Score appealed', 'appeal.filedAt': 'Filed', 'appeal.due': 'Deadline', 'appeal.reviewer': 'Reviewer',
  'appeal.status.filed': 'Filed', 'appeal.status.in-review': 'In review', 'appeal.status.awaiting-rescore': 'Awaiting re-score', 'appeal.status.decided': 'Decided', 'appeal.overdue': 'Overdue',
  'appeal.outcome.upheld': 'Upheld', 'appeal.outcome.corrected': 'Records corrected, re-scored', 'appeal.outcome.overridden': 'Colour overridden', 'appeal.outcomeCol': 'Outcome',
  'appeal.outcomeMeans.upheld': 'After review, the score stands.', 'appeal.outcomeMeans.corrected': 'The officer found records wrong and sent corrections; you are re-scored once they are applied.',
  'appeal.outcomeMeans.overridden': 'The officer replaced the model\'s colour with a human decision, in effect from then on.',
  'appeal.outcomeMeans.correctedDone': 'The officer found records wrong; they were corrected and you were re-scored on {date} from the corrected records:', 'appeal.outcomeMeans.correctedNone': 'The officer found records wrong, but the records service could apply none of the corrections (see why under Progress), so the score stands.',
  'appeal.decidedOn': 'Decided on {date}', 'appeal.lateBy': 'Due {date}: {n} days late', 'appeal.dueIn': 'Decision due by {date} ({n} days left)',
  'appeal.actor.scoring': 'Scoring service', 'appeal.actor.intake': 'Records service', 'appeal.actor.you': 'Your enterprise', 'appeal.actor.officer': 'Reviewing officer',
  'appeal.step.filed': 'Appeal filed', 'appeal.step.in-review': 'Taken for review', 'appeal.step.decided': 'Decision made', 'appeal.step.correction-sent': 'Correction sent to the records', 'appeal.step.corrections-applied': 'Corrections applied', 'appeal.step.rescored': 'Re-scored',
  'appeal.hint.inReview': 'Waiting for an oversight officer with no part in the score', 'appeal.hint.decided': 'with written reasons', 'appeal.hint.correction': 'Only if the decision corrects records', 'appeal.hint.applied': 'The records service applies each correction and says why any could not be',
  'appeal.hint.rescored': 'The first score computed from the corrected records closes the appeal; before and after are shown',
  'appeal.noneApplied': 'No record was changed, so there is no re-score: the appeal is closed. Each reason is below.',
  'appeal.filedDetail': 'Against a {colour} score. {records}; {files}.', 'appeal.filedRecords': 'Records challenged: {n}', 'appeal.filedNoRecords': 'No record challenged', 'appeal.filedFiles': 'evidence files: {n}', 'appeal.filedNoFiles': 'no evidence files', 'appeal.receipt': 'Download receipt',
  'history.title': 'How the score changed', 'history.lead': 'Each line is a stretch of days over which the score stayed the same; under it, what moved the score from the stretch before.', 'history.none': 'No scores yet.',
  'history.range': '{from} to {to}', 'history.scores': '{n} scores', 'history.earliest': 'The earliest stretch read.', 'history.model': 'New model version', 'history.policy': 'New colour rules',
  'history.moved': '{factor}: {from} → {to}', 'history.up': 'risk up', 'history.down': 'risk down', 'history.moreFactors': '{n} more factors changed', 'history.noDetail': 'No factor changed from the stretch before.',
  'history.older': 'Older scores are not listed.',
  'appeal.decision': 'Decision', 'appeal.reasons': 'Reasons', 'appeal.grounds': 'Grounds', 'appeal.challenged': 'Records challenged', 'appeal.recordAsFiled': 'What the file said when the appeal was filed:', 'appeal.evidence': 'Evidence', 'appeal.noEvidence': 'No evidence files attached.',
  'fileKind.pdf': 'PDF document', 'fileKind.image': 'Image', 'fileKind.word': 'Word document', 'fileKind.spreadsheet': 'Spreadsheet', 'fileKind.text': 'Text file', 'fileKind.csv': 'CSV table', 'fileKind.zip': 'Zip archive', 'fileKind.other': '{ext} file', 'fileKind.unknown': 'File',
  'appeal.filedNotice': 'Your appeal is filed and in the tamper-evident record. Press "Download receipt" beside "Appeal filed" and keep it: it proves what you filed and when (the text and files as fingerprints).',
  'appeal.progress': 'Progress', 'appeal.progressLead': 'Every step is in the tamper-evident record. Download and keep a receipt for each, as proof of how your appeal was handled.',
  'appeal.verification': 'Verification details', 'appeal.receiptCheckFor': 'These are for whoever checks a receipt (your lawyer, a court, a higher authority); you need none of them to follow your appeal.',
  'appeal.receiptCheckHow': 'Each receipt is signed by the tamper-evident record: anyone can check offline, with the public key, that it has not been changed. The public key: {key}',
  'appeal.evidenceCheckFor': 'Each file\'s SHA-256 fingerprint, for whoever checks that the files they received are exactly the ones you sent; you can ignore them.',
  'appeal.progressLeadOfficer': 'Every step is in the tamper-evident record; the enterprise can download a receipt for each.', 'appeal.summary': 'Summary',
  'appeal.status.withdrawn': 'Withdrawn', 'appeal.step.withdrawn': 'Appeal withdrawn', 'appeal.withdrawnOn': 'Withdrawn on {date}; the deadline no longer runs',
  'appeal.withdrawnDetail': 'Withdrawn by the enterprise: it will not be reviewed or decided.', 'appeal.fileAnother': 'File a new appeal',
  'appeal.withdrawnNotice': 'You withdrew this appeal on {date}; it will not be reviewed. You may file a new appeal if you need to.',
  'appeals.title': 'Appeals', 'appeals.lead': 'If you think your colour, or a record behind it, is wrong, say why, attach evidence and follow each step here.', 'appeals.rights': 'Your rights',
  'appeals.right1': 'An oversight officer with no part in the score reviews it: whoever trained, approved or activated the model, set the colour thresholds, or decided a colour of yours may not.',
  'appeals.right2': 'A decision with written reasons within the deadline (15 days from filing by default); late appeals are flagged in red in the officers\' queue.',
  'appeals.right3': 'If a record is found wrong, it is corrected and you are re-scored; you see the colour before and after.', 'appeals.right4': 'Every step is in the tamper-evident record; you can download a receipt for each step and check it offline.',
  'appeals.followOpen': 'Follow appeal {id}', 'appeals.noScore': 'No score yet', 'appeals.noScoreHelp': 'Your enterprise has no risk score yet, so there is nothing to appeal. Once it is scored you can appeal here.',
  'appeals.oneOpen': 'Your enterprise already has an appeal in progress. One appeal may be open at a time; once it is decided or withdrawn you may file another.', 'appeals.mine': 'My appeals', 'appeals.none': 'No appeals filed yet.',
  'appealForm.title': 'File an appeal', 'appealForm.lead': 'Say why you think your colour or a record is wrong; you can challenge particular records one by one and attach evidence (rectification reports, a revocation decision…).',
  'appealForm.grounds': 'Grounds (required)', 'appealForm.groundsPlaceholder': 'e.g. The fire-safety finding of July 2025 was rectified that month and passed re-inspection…',
  'appealForm.groundsHelp': 'At least 10 characters.', 'appealForm.count': '{n} / {max} characters', 'appealForm.groundsShort': 'The grounds need at least {n} characters.',
  'appealForm.challenge': 'Challenge records (optional)', 'appealForm.challengeHelp': 'Tick each record you think is wrong and say what is wrong with it.', 'appealForm.noRecords': 'There are no records of yours to choose from.',
  'appealForm.claim': 'What is wrong with it', 'appealForm.claimPlaceholder.case': 'e.g. The penalty was revoked on reconsideration; or the problem was fixed and re-inspected', 'appealForm.claimPlaceholder.clue': 'e.g. This complaint is not about us',
  'appealForm.claimMissing': 'Say what is wrong with record {id}, or untick it.',
  'appealForm.evidence': 'Evidence files (optional)', 'appealForm.evidenceHelp': 'Up to {n} files, each at most {each} and {max} in all (the limit of one filing): PDF, images, office documents…',
  'appealForm.evidenceTotal': '{n}/{files} files chosen, {used} of {max}', 'appealForm.remove': 'Remove', 'appealForm.choose': 'Choose files', 'appealForm.chooseHelp': 'Pick several at once; you can remove any before filing.',
  'appealForm.tooMany': '{name} not added: at most {n} files.', 'appealForm.emptyFile': '{name} is empty and was not added.',
  'appealForm.fileTooBig': '{name} is {size}, over the {max} limit for one file, and was not added. Compress or split it, then attach it again.', 'appealForm.totalTooBig': '{name} not added: the files would come to more than {max}. Remove or compress some.',
  'appealForm.readFailed': 'Could not read {name}; choose it again.', 'appealForm.submit': 'File the appeal', 'appealForm.afterSubmit': 'Filing writes it to the tamper-evident record; you can then download the receipt.',
  'appealForm.sending': 'Filing the appeal…', 'appealForm.stepRead': 'Read the evidence files', 'appealForm.stepSend': 'Upload and register', 'appealForm.stepRecord': 'Write to the tamper-evident record',
  'appealForm.alreadyOpen': 'Your enterprise already has an appeal in progress; a second cannot be filed alongside it.', 'appealForm.tooLarge': 'The filing is over the 5 MB limit. Remove or compress evidence files and try again.',
  'withdraw.title': 'Withdraw the appeal', 'withdraw.lead': 'Until it is decided you may withdraw this appeal: it is then no longer reviewed and its deadline stops. The withdrawal goes to the tamper-evident record. You may file a new appeal afterwards.',
  'withdraw.reason': 'Reason (optional)', 'withdraw.reasonPlaceholder': 'e.g. resolved another way; will file again with more evidence',
  'withdraw.reasonHelp': 'Up to 500 characters. Only your enterprise and oversight see it; the tamper-evident record keeps only its fingerprint.', 'withdraw.submit': 'Withdraw the appeal', 'withdraw.yes': 'Yes, withdraw it',
  'withdraw.confirm': 'Withdraw appeal {id}? This cannot be undone; no officer will review it.', 'withdraw.conflict': 'This appeal has been decided or withdrawn meanwhile, so it cannot be withdrawn. Reload to see it.',
  'review.withdrawn': 'The enterprise withdrew this appeal on {date}: there is nothing to decide.',
  'reviews.title': 'Review queue', 'reviews.lead': 'What needs a person: red scores to confirm, appeals by deadline, and how each officer decides.',
  'reviews.pendingConfirmations': 'Reds to confirm', 'reviews.confirmations': 'Red scores waiting for a person',
  'reviews.confirmationsLead': 'Red means priority inspection, so it takes effect only once an officer confirms it; until then it counts as yellow. Check, then confirm or override with reasons. Longest waiting first.',
  'reviews.noConfirmations': 'No red scores are waiting.', 'reviews.modelColour': 'Model colour', 'reviews.waiting': 'Waiting since', 'reviews.waited': 'waiting {time}',
  'reviews.decide': 'Confirm or override', 'reviews.confirmAs': 'Confirm {colour}', 'reviews.overrideTo': 'Change to {colour}', 'reviews.colour': 'Decision', 'reviews.reasons': 'Reasons (required; the enterprise sees them)',
  'reviews.reasonsPlaceholder': 'What you checked, and why you agree or disagree with the model\'s colour.', 'reviews.reasonsRequired': 'Give your reasons (at least 5 characters).',
  'reviews.logged': 'The decision and reasons go to the tamper-evident record and to dispatch.', 'reviews.confirmedDone': 'Confirmed {colour} (record entry {seq}).', 'reviews.overriddenDone': 'Changed to {colour} (record entry {seq}).',
  'reviews.alreadyDecided': 'Someone else has already decided this score. Reload the page.', 'reviews.appeals': 'Appeals, earliest deadline first', 'reviews.appealsLead': 'Overdue appeals are flagged in red. Open an appeal to take it for review and decide it.',
  'reviews.noAppeals': 'No appeals in this state.', 'reviews.noAppealsFiled': 'No appeals are waiting to be taken.',
  'reviews.officers': 'Decisions by officer', 'reviews.officersLead': 'Confirmations that are almost never overrides and mostly made within a minute of opening the file may be rubber-stamping: worth a look. Time is counted from the reviewer’s first opening of the file.',
  'reviews.officer': 'Officer', 'reviews.decisions': 'Decisions', 'reviews.confirmed': 'Confirmed', 'reviews.overridden': 'Overridden', 'reviews.overrideRate': 'Override rate', 'reviews.median': 'Median time to decide (from opening the file)', 'reviews.unopened': '{n} decisions made without opening the file, timed from the score’s arrival', 'reviews.unopened.one': '1 decision made without opening the file, timed from the score’s arrival',
  'reviews.underMinute': 'Within a minute of opening', 'reviews.rubberStamp': 'possible rubber-stamping', 'reviews.someQuick': 'watch', 'reviews.noOfficers': 'No one has confirmed or overridden a colour yet.', 'reviews.backToQueue': 'Back to the queue',
  'review.title': 'Review', 'review.basis': 'What the appealed score rests on', 'review.byOther': '{reviewer} is reviewing this appeal.', 'review.awaitingRescore': 'Corrections were sent. The records service reports what it did with each; the first score computed from the corrected records closes the appeal.',
  'review.claim': 'Take for review', 'review.claimLead': 'Once you take it, you decide it within the deadline with written reasons. Anyone with a part in the score (who trained, approved or activated the model, set the colour thresholds, or decided a colour of this enterprise) may not.',
  'review.refused': 'You may not review this appeal', 'review.decide': 'Decide', 'review.outcome': 'Outcome', 'review.noChallenges': 'The appeal challenges no particular record, so there is nothing to correct.',
  'review.outcomeHelp.upheld': 'The score is right and stands.', 'review.outcomeHelp.corrected': 'The chosen records are wrong: send corrections, then re-score.', 'review.outcomeHelp.overridden': 'Replace the model\'s colour with a human decision, from now on.',
  'review.overrideColour': 'New colour', 'review.corrections': 'Records to correct', 'review.reasons': 'Reasons (required; the enterprise sees them)', 'review.reasonsPlaceholder': 'Answer each ground and piece of evidence, and say what the decision rests on.',
  'review.reasonsHelp': 'The enterprise sees the reasons as written; they go to the tamper-evident record.', 'review.pickCorrection': 'Choose at least one record to correct.', 'review.submit': 'Submit the decision', 'review.confirmSubmit': 'Confirm and submit',
  'review.confirmUpheld': 'The score will stand.', 'review.confirmCorrected': '{n} records will be corrected and the enterprise re-scored.', 'review.confirmOverride': '{from} will be changed to {to}.', 'review.final': 'Once submitted, the decision is in the tamper-evident record and cannot be withdrawn.', 'review.confirmLine': '{summary} {final}',
  'audit.openAppeals': 'Appeals in progress', 'audit.openQueue': 'Open the review queue', 'models.by': 'By',
  'kill.running': 'The model is running', 'kill.runningMeans': 'Draws are weighted by risk.', 'kill.suspended': 'The model is suspended', 'kill.suspendedMeans': 'Draws ignore risk scores and pick at a uniform rate until someone resumes the model.',
  'kill.since': '{date}, by {actor}. Reason: {reason}', 'kill.onlyOversight': 'Only oversight officers may suspend or resume the model.', 'kill.history': 'History', 'kill.act': 'Act', 'kill.actSuspend': 'Suspend',
  'kill.actResume': 'Resume', 'kill.actor': 'By', 'kill.reason': 'Reason', 'kill.noHistory': 'The kill switch has never been used.',
  'kill.suspendPlaceholder': 'e.g. Red shares in one district look wrong; suspend while we check', 'kill.resumePlaceholder': 'e.g. Checked; the problem is fixed', 'kill.suspend': 'Suspend the model', 'kill.resume': 'Resume risk-based draws',
  'kill.reasonRequired': 'Give a reason (at least 5 characters).', 'kill.confirmSuspend': 'Once suspended, new draws ignore risk scores and pick at a uniform rate. This goes to the tamper-evident record. Suspend?',
  'kill.confirmResume': 'Once resumed, new draws are weighted by risk again. This goes to the tamper-evident record. Resume?', 'kill.changed': 'Someone else changed the state.',
  'dept.SAMR': 'Market regulation', 'dept.ENV': 'Ecology and environment', 'dept.EMG': 'Emergency management', 'dept.FIRE': 'Fire and rescue', 'dept.HEALTH': 'Health', 'dept.HRSS': 'Labour inspection', 'dept.CITY': 'Urban management', 'dept.AGRI': 'Agriculture',
  'channel.12345': '12345 hotline', 'channel.grid': 'Grid officer', 'channel.city_brain': 'City brain', 'channel.online': 'Online',
  'category.food_safety': 'Food safety', 'category.product_quality': 'Product quality', 'category.fire_safety': 'Fire safety', 'category.pollution': 'Pollution', 'category.labour': 'Labour',
  'category.price': 'Prices', 'category.licence': 'Licences', 'category.other': 'Other',
  'clueStatus.pending': 'Pending', 'clueStatus.handled': 'Handled', 'clueStatus.closed': 'Closed',
  'subjectStatus.存续': 'Active', 'subjectStatus.在业': 'In business', 'subjectStatus.迁出': 'Moved away', 'subjectStatus.吊销': 'Licence revoked', 'subjectStatus.注销': 'Deregistered',
  'caseKind.检查': 'Inspection', 'caseKind.处罚': 'Penalty',
  'caseResult.未发现问题': 'No problem found', 'caseResult.责令整改': 'Ordered to rectify', 'caseResult.立案查处': 'Case opened',
  'caseOrigin.双随机': 'Random draw', 'caseOrigin.投诉举报': 'Complaint', 'caseOrigin.专项检查': 'Special campaign', 'caseOrigin.线索移送': 'Referred lead', 'caseOrigin.其他': 'Other',
  'ent.abnormalListed': 'On the abnormal-operation list', 'ent.industrySection': '{code} · {name}', 'ent.technical': 'Technical details', 'ent.scoreId': 'Score id', 'ent.inputFingerprint': 'Input fingerprint',
  'ent.modelVersion': 'Model version', 'ent.policyVersion': 'Colour policy', 'ent.asOfDate': 'As of {date}', 'ent.fileNoVisits': 'No joint visit is scheduled or done for this enterprise.',
  'ent.receiptSaved': 'Saved {file}. Keep it with your other records.', 'ent.receiptWhat': 'What the receipt is and how to check it',
  'ent.receiptHow1': 'It is a JSON file holding everything in this score (colour, probability, each factor and its value), its place in the tamper-evident record (entry {seq}), the Merkle path proving it is included, and the oversight service\'s signature over the whole record.',
  'ent.receiptHow2': 'Anyone can check it offline: verify the signature with the public key ({key}), then recompute the hashes along the Merkle path. Tianping is open source and its code shows how (verifyReceipt in libs/audit-log); a lawyer or technician can check it for you.',
  'ent.receiptHow3': 'A receipt that checks out proves the score was recorded as it is, at that time, and has not been changed since. You can submit it with an appeal.',
  'ent.receiptArchived': 'The full record of this score (each factor, its value and the reasons) has been archived (归档) in the record\'s archive file {file}, so it is not in the receipt. The receipt still downloads and checks out: it proves entry {seq} was recorded and has not been changed since. To get the full record, ask the bureau or the oversight office, quoting entry {seq}.',
  'ent.receiptHow1Archived': 'It is a JSON file holding this score\'s place in the tamper-evident record (entry {seq}) and its hash, the Merkle path proving it is included, the name of the archive file that holds its full content, and the oversight service\'s signature over the whole record.',
  'chart.timesOdds': '×{x}', 'chart.raisesPct': '+{pct}', 'chart.lowersPct': '−{pct}', 'chart.negligible': '<1%', 'chart.raisesRisk': 'raises risk', 'chart.lowersRisk': 'lowers risk', 'chart.factorLine': '{factor}: {direction}, {effect}',
  'why.oddsSame': ' (odds within 1% of average)', 'why.oddsAbove': ' (odds about {pct} above average)', 'why.oddsBelow': ' (odds about {pct} below average)', 'why.oddsTimes': ' (odds about {x} times the average)',
  'why.years_in_operation.one': '{n} year in operation', 'why.years_in_operation': '{n} years in operation',
  'why.shareholder_subscribed_capital': 'shareholders\' subscribed capital of {yuan} yuan', 'why.employees.one': '{n} employee', 'why.employees': '{n} employees',
  'why.industry': 'industry section {code} ({name})', 'why.registered_capital': 'registered capital of {yuan} yuan',
  'why.violations_3y.one': '{n} violation in the last 3 years', 'why.violations_3y': '{n} violations in the last 3 years',
  'why.inspection_fail_rate': 'past inspection failure rate of {pct}',
  'why.complaints_12m.one': 'complaints in the last 12 months counting as {n}', 'why.complaints_12m': 'complaints in the last 12 months counting as {n}', 'why.complaints_12m.note': '; upheld complaints count in full, unchecked ones for less, unfounded ones not at all',
  'why.abnormal_listed.yes': 'on the abnormal-operation list', 'why.abnormal_listed.no': 'not on the abnormal-operation list',
  'why.legal_rep_changes_2y.one': '{n} change of legal representative in 2 years', 'why.legal_rep_changes_2y': '{n} changes of legal representative in 2 years',
  'why.days_since_last_inspection.one': '{n} day since the last inspection', 'why.days_since_last_inspection': '{n} days since the last inspection',
  'why.shared_address_count.one': '{n} other live subject at the same address', 'why.shared_address_count': '{n} other live subjects at the same address',
  'factorValue.years': '{n} years', 'factorValue.capital': '{yuan} yuan', 'factorValue.days': '{n} days',
  'bureau.searchName': 'Enterprises whose name contains "{q}" (paged by credit code; the riskiest first within each page).', 'bureau.noneNamed': 'No enterprise\'s name contains "{q}".', 'bureau.searchCodePiece': 'Enterprises whose credit code or name contains "{q}" (in credit-code order).', 'bureau.noneCodePiece': 'No enterprise\'s credit code or name contains "{q}".', 'bureau.shortCodePiece': 'No enterprise\'s name contains "{q}". To look a code up, type at least 6 of its characters (the 9-character organisation code, say); this has {n}.', 'bureau.noneFiltered': 'No enterprise matches these filters.', 'bureau.searchCode': 'The enterprise with credit code {q}.', 'bureau.badRegion': 'Give the district as a region code of 2 to 12 digits (e.g. 4406 or 440604), or the name of a district in your area, in English or Chinese (e.g. Nanhai or 南海区).',
  'bureau.regionHint': '440604 or Nanhai', 'bureau.allIndustries': 'All industries',
  'pii.reasonShort': 'Say what it is for (5 to 500 characters).', 'ent.pickStars': 'Pick 1 to 5 stars first.', 'ent.commentLong': 'The comment can be at most 500 characters.', 'login.missing': 'Enter your username and password.',
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

const DICTS = { zh: { ...zh, ...OVERSIGHT_TEXTS.zh, ...QUARANTINE_TEXTS.zh, ...HEALTH_TEXTS.zh, ...PUBLIC_TEXTS.zh, ...PLANS_TEXTS.zh, ...OFFICERS_TEXTS.zh, ...FOLLOW_UP_TEXTS.zh, ...APPLICATION_TEXTS.zh, ...TRACKING_TEXTS.zh, ...VISIT_TEXTS.zh }, en: { ...en, ...OVERSIGHT_TEXTS.en, ...QUARANTINE_TEXTS.en, ...HEALTH_TEXTS.en, ...PUBLIC_TEXTS.en, ...PLANS_TEXTS.en, ...OFFICERS_TEXTS.en, ...FOLLOW_UP_TEXTS.en, ...APPLICATION_TEXTS.en, ...TRACKING_TEXTS.en, ...VISIT_TEXTS.en } };
let lang = localStorage.getItem('tp.lang') === 'en' ? 'en' : 'zh';
document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
languageFromUrl();

/** `?lang=en` or `?lang=zh` in a link chooses the language and is remembered like the toggle; the address then drops it. */
function languageFromUrl() {
  const url = new URL(location.href);
  const asked = url.searchParams.get('lang');
  if (asked !== 'en' && asked !== 'zh') return;
  setLang(asked);
  url.searchParams.delete('lang');
  history.replaceState(history.state, '', url.pathname + url.search + url.hash);
}

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

/** The text of a key the dictionaries hold, or null where they hold none (where `t` answers the key itself). */
export function tKnown(key, vars = {}) {
  return (DICTS[lang][key] ?? DICTS.zh[key]) === undefined ? null : t(key, vars);
}

/** English picks `key.one` for exactly one where the dictionary has it; Chinese has no plural. */
export function plural(key, n, vars = {}) {
  const one = `${key}.one`;
  return t(n === 1 && DICTS[lang][one] ? one : key, { n: fmtNumber(n), ...vars });
}

/**
 * A value from the platforms in words: a code (`dept.ENV`) or a Chinese term (`caseResult.责令整改`).
 * On the English page a Chinese term keeps its original beside it; an unknown value is shown as it is.
 */
export function valueLabel(group, value) {
  if (value === null || value === undefined || value === '') return '—';
  const appeal = group === 'caseResult' ? appealRevoking(String(value)) : null;
  if (appeal) return t('caseResult.revoked', { appeal });
  const key = `${group}.${value}`;
  const text = DICTS[lang][key] ?? DICTS.zh[key];
  if (!text) return String(value);
  return lang === 'en' && /[\u4e00-\u9fff]/.test(String(value)) ? `${text} (${value})` : text;
}

/**
 * The appeal that revoked a case, from its result (`revoked-on-appeal:<appeal>`), or null. Results stored
 * before that code said it in words (`已撤销（申诉 AP-…）revoked on appeal`), and are read the same way.
 */
export function appealRevoking(result) {
  if (result.startsWith('revoked-on-appeal:')) return result.slice('revoked-on-appeal:'.length);
  return /^已撤销（申诉 ([^）]+)）/.exec(result)?.[1] ?? null;
}

/** A number as people write it: at most `digits` decimals, no trailing zeros, thousands grouped; none is a dash. */
export function fmtNumber(n, digits = 1) {
  if (n === null || n === undefined) return '—';
  return Number(n).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB', { maximumFractionDigits: digits });
}

/** Who did something, as recorded: a person's account name, or words for the system's own acts. */
export function actorLabel(actor) {
  return actor === 'migration' ? t('actor.migration') : actor ?? '—';
}

export function factorName(id) {
  return factors[lang][id] ?? factors.zh[id] ?? id;
}

/**
 * The bureaus are in China and count days in China time (isoDay: UTC+8): a moment is shown in that time
 * wherever the browser is, so a filing, a deadline and the day a plan starts read the same on every machine.
 */
const ZONE = 'Asia/Shanghai';

export function fmtDate(value) {
  if (!value) return '—';
  // A calendar day (2026-12-06) is that day, not a moment to move into a time zone.
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(value));
  const d = day ? new Date(Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3]))) : new Date(value);
  if (Number.isNaN(d.getTime())) return String(value);
  return d.toLocaleDateString(lang === 'zh' ? 'zh-CN' : 'en-GB', { year: 'numeric', month: 'short', day: 'numeric', timeZone: day ? 'UTC' : ZONE });
}

export function fmtDateTime(value) {
  if (!value) return '—';
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return String(value);
  return d.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: ZONE });
}

/** A span of days (a plan's window, an audit period) as the reader writes dates, never as ISO. */
export function fmtPeriod(from, to) {
  return `${fmtDate(from)} → ${fmtDate(to)}`;
}

export function fmtPercent(p, digits = 0) {
  return `${(p * 100).toFixed(digits)}%`;
}

/**
 * A probability as the enterprise reads it, everywhere alike: a whole percent, said to be about
 * that ("约 35%"), since the model estimates it no closer; under 1% and over 99% are said so. Given the
 * colour thresholds (`cuts`), a figure that rounds to a threshold's whole percent shows a tenth ("约 40.2%"),
 * so 40.2 % (red) and 39.6 % (yellow) do not both read "about 40%".
 */
export function fmtChance(p, cuts) {
  const pct = Math.round(p * 100);
  if (pct < 1) return t('chance.under1');
  if (pct > 99) return t('chance.over99');
  const atThreshold = cuts && [cuts.yellow, cuts.red].some((c) => typeof c === 'number' && Math.round(c * 100) === pct);
  return t('chance.about', { pct: atThreshold ? fmtPercent(p, 1) : `${pct}%` });
}
