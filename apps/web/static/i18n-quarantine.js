// Words of the administrator's quarantine pages (rejected records, their reasons, replay and discard),
// Chinese and English; i18n.js merges them into its dictionaries.

/** The contract's fields by kind: Chinese as the platforms' export headers say them. */
const fields = {
  zh: {
    subjects: {
      credit_code: '统一社会信用代码', name: '主体名称', established_on: '成立日期', registered_capital_wan: '注册资本(万元)', shareholder_subscribed_wan: '股东认缴出资额(万元)',
      employees: '从业人数', industry_code: '行业代码', region_code: '行政区划代码', address: '住所', lng: '经度', lat: '纬度', status: '登记状态',
      abnormal_listed: '列入经营异常名录', legal_rep_changes_2y: '近两年法定代表人变更次数', legal_rep_name: '法定代表人', legal_rep_id: '法定代表人证件号', updated_at: '更新时间',
    },
    cases: {
      case_no: '案件编号', credit_code: '统一社会信用代码', department: '执法部门', kind: '案件类型', origin: '检查来源', date: '发生日期', items: '检查事项', result: '检查结果',
      violation: '违法行为', penalty_yuan: '罚没金额(元)', officer_ids: '执法人员证号', updated_at: '更新时间',
    },
    officers: { officer_id: '执法证号', name: '姓名', department: '所属部门', cert_valid_until: '执法证有效期至', domains: '可检查部门', region_code: '常驻区划', status: '状态' },
    clues: {
      clue_id: '线索编号', channel: '渠道', received_at: '接收时间', credit_code: '统一社会信用代码', subject_name: '被反映主体名称', address: '地址', category: '类别',
      department: '承办部门', verified: '是否属实', status: '办理状态', updated_at: '更新时间',
    },
  },
  en: {
    subjects: {
      credit_code: 'Credit code', name: 'Name', established_on: 'Established on', registered_capital_wan: 'Registered capital (10k yuan)', shareholder_subscribed_wan: 'Subscribed capital (10k yuan)',
      employees: 'Employees', industry_code: 'Industry code', region_code: 'Division code', address: 'Address', lng: 'Longitude', lat: 'Latitude', status: 'Registration status',
      abnormal_listed: 'Listed as abnormal', legal_rep_changes_2y: 'Legal representative changes (2 years)', legal_rep_name: 'Legal representative', legal_rep_id: "Legal representative's ID number", updated_at: 'Updated at',
    },
    cases: {
      case_no: 'Case number', credit_code: 'Credit code', department: 'Department', kind: 'Case kind', origin: 'Origin', date: 'Date', items: 'Checklist items', result: 'Result',
      violation: 'Violation', penalty_yuan: 'Penalty (yuan)', officer_ids: "Officers' certificate numbers", updated_at: 'Updated at',
    },
    officers: { officer_id: 'Certificate number', name: 'Name', department: 'Department', cert_valid_until: 'Certificate valid until', domains: 'May inspect for', region_code: 'Home division', status: 'Status' },
    clues: {
      clue_id: 'Clue id', channel: 'Channel', received_at: 'Received at', credit_code: 'Credit code', subject_name: 'Enterprise named', address: 'Address', category: 'Category',
      department: 'Department', verified: 'Verified', status: 'Handling status', updated_at: 'Updated at',
    },
  },
};

const prefixed = (prefix, table) => Object.fromEntries(Object.entries(table).map(([k, v]) => [`${prefix}.${k}`, v]));
const fieldKeys = (lang) => Object.assign({}, ...Object.entries(fields[lang]).map(([kind, table]) => prefixed(`qfield.${kind}`, table)));

const zh = {
  ...fieldKeys('zh'),
  'qfield._row': '整条记录', 'qfield._file': '导出文件', 'qfield._json': '整行',
  'nav.quarantine': '隔离区',
  'quarantine.title': '隔离区', 'quarantine.lead': '导入时未通过校验的记录在这里等候处理：看清原因，改正后重新导入，或写明理由后放弃。',
  'quarantine.kind.subjects': '市场主体', 'quarantine.kind.cases': '检查与处罚', 'quarantine.kind.officers': '执法人员', 'quarantine.kind.clues': '投诉举报线索',
  'quarantine.status.open': '待处理', 'quarantine.status.replayed': '已改正导入', 'quarantine.status.discarded': '已放弃',
  'quarantine.summary': '概况', 'quarantine.total': '合计', 'quarantine.kind': '类型', 'quarantine.status': '状态',
  'quarantine.topReasons': '待处理记录最常见的问题', 'quarantine.records': '{n} 条', 'quarantine.noneOpen': '没有待处理的记录：导入的数据都已通过校验，或已处理完毕。',
  'quarantine.nothingYet': '隔离区是空的：还没有记录因未通过校验而被隔离。',
  'quarantine.list': '隔离记录', 'quarantine.allKinds': '全部类型', 'quarantine.empty': '没有符合条件的记录。可以换一个类型或状态。',
  'quarantine.col.id': '编号', 'quarantine.col.source': '来源（文件 · 行）', 'quarantine.col.reasons': '问题', 'quarantine.col.createdAt': '隔离时间',
  'quarantine.line': '第 {line} 行', 'quarantine.openRecord': '查看隔离记录 {id}',
  'quarantine.back': '返回隔离区', 'quarantine.recordTitle': '隔离记录 #{id}',
  'quarantine.recordLead': '{kind} · {source} · 隔离于 {at}',
  'quarantine.fields': '源数据', 'quarantine.fieldsLead': '各字段按源系统发来的原样显示；法定代表人、执法人员姓名和证件号已脱敏。问题写在对应字段旁。',
  'quarantine.col.field': '字段', 'quarantine.col.value': '原值', 'quarantine.col.problem': '问题', 'quarantine.col.correction': '改正为',
  'quarantine.blank': '（空）', 'quarantine.noProblem': '—', 'quarantine.rowProblems': '整条记录的问题',
  'quarantine.notRecord': '这一行无法读成一条记录，下面是原文（已脱敏）。它无法在这里逐字段改正：请在源系统中改正后重新导出，或写明理由后放弃。',
  'quarantine.correct': '改正并重新导入', 'quarantine.correctLead': '只需改正有问题的字段；其余字段按源数据原样导入。改正后的记录与新导入的数据走同一套校验。',
  'quarantine.personalHint': '原值已脱敏，请输入完整的值', 'quarantine.personalNote': '原值已脱敏：留空则保留源数据中的值。',
  'quarantine.verified.keep': '（保持原值）', 'quarantine.verified.true': '属实', 'quarantine.verified.false': '不属实', 'quarantine.verified.null': '未核实（空）',
  'quarantine.nothingChanged': '还没有改动任何字段。请先在“改正为”一栏填写正确的值。',
  'quarantine.replay': '重新导入', 'quarantine.replaying': '正在校验并导入…',
  'quarantine.accepted': '已通过校验并导入（{outcome}），这条记录已离开待处理列表。',
  'quarantine.outcome.inserted': '新增', 'quarantine.outcome.updated': '更新了已有记录', 'quarantine.outcome.duplicate': '与已有记录相同', 'quarantine.outcome.stale': '比已有记录旧，已有记录不变',
  'quarantine.stillHeld': '仍未通过校验，记录继续留在隔离区。新的问题写在对应字段旁，您填写的内容已保留。',
  'quarantine.discard': '放弃这条记录', 'quarantine.discardLead': '确认这条记录无法改正、也不需要导入时，写明理由后放弃。放弃后不能再重新导入；理由和放弃人会被记下。',
  'quarantine.discardReason': '放弃理由', 'quarantine.discardPlaceholder': '例如：测试数据，源系统已删除', 'quarantine.discardShort': '请写明放弃的理由（至少 3 个字）。',
  'quarantine.confirmDiscard': '放弃隔离记录 #{id}（{kind}，{source}）？放弃后不能再重新导入。',
  'quarantine.discarded': '已放弃隔离记录 #{id}。',
  'quarantine.resolvedReplayed': '{by} 于 {at} 改正并重新导入', 'quarantine.resolvedDiscarded': '{by} 于 {at} 放弃',
  'quarantine.resolvedFields': '改正的字段：{fields}', 'quarantine.resolvedReason': '理由：{reason}', 'quarantine.resolvedNoFields': '未改动字段，按原样重新导入',
  'quarantine.conflict': '这条记录已经处理过了（可能有人刚刚操作）。', 'quarantine.reload': '重新加载',
  'quarantine.refused': '服务器拒绝了请求', 'quarantine.serverMessage': '技术说明：{message}',
  'qreason.required': '必填，但为空', 'qreason.type': '类型不对', 'qreason.format': '格式不对', 'qreason.check_character': '校验位不对（GB 32100）',
  'qreason.invalid_date': '不是真实存在的日期或时间', 'qreason.future_date': '是未来的时间', 'qreason.range': '超出允许的范围', 'qreason.enum': '不是允许的取值',
  'qreason.division': '行业大类不属于所写的门类（GB/T 4754）', 'qreason.too_few': '列出的数量不够', 'qreason.not_allowed': '这类记录此处应为空',
  'qreason.invalid_encoding': '含有无法识别的字节（编码不是 UTF-8 或 GB18030）', 'qreason.invalid_character': '含有无法保存的字符（NUL 或残缺的字符）', 'qreason.too_long': '太长', 'qreason.precision': '位数太多，无法原样保存（会被舍入）：请改成所指的金额',
  'qreason.conflict': '与已保存的另一个版本相同，两者内容却不同；已保存的版本保持不变。请把更新时间改成正确的时间后重新导入，或写明理由后放弃',
  'qreason.ragged_row': '列数与表头不一致', 'qreason.missing_column': '导出文件缺少“{column}”一列', 'qreason.csv_syntax': '不是格式正确的 CSV 行（如引号未闭合）',
  'qreason.invalid_json': '不是有效的 JSON', 'qreason.not_object': '不是一个 JSON 对象', 'qreason.unknown_kind': '未知的数据类型', 'qreason.internal': '无法校验',
  'qreason.other': '未通过校验（{code}）',
  'qreason.allowed': '（可填：{values}）', 'qreason.atLeast': '（应不小于 {min}）', 'qreason.between': '（应在 {min} 至 {max} 之间）',
};

const en = {
  ...fieldKeys('en'),
  'qfield._row': 'Whole record', 'qfield._file': 'Export file', 'qfield._json': 'Whole line',
  'nav.quarantine': 'Quarantine',
  'quarantine.title': 'Quarantine', 'quarantine.lead': 'Records that failed validation on intake wait here: see why, correct them and replay them, or give them up with a reason.',
  'quarantine.kind.subjects': 'Market subjects', 'quarantine.kind.cases': 'Inspections and penalties', 'quarantine.kind.officers': 'Officers', 'quarantine.kind.clues': 'Complaints and leads',
  'quarantine.status.open': 'Open', 'quarantine.status.replayed': 'Corrected and replayed', 'quarantine.status.discarded': 'Discarded',
  'quarantine.summary': 'Overview', 'quarantine.total': 'Total', 'quarantine.kind': 'Kind', 'quarantine.status': 'Status',
  'quarantine.topReasons': 'Most common problems of open records', 'quarantine.records': '{n} records', 'quarantine.records.one': '1 record', 'quarantine.noneOpen': 'No record is waiting: everything taken in passed validation, or has been dealt with.',
  'quarantine.nothingYet': 'The quarantine is empty: no record has failed validation yet.',
  'quarantine.list': 'Quarantined records', 'quarantine.allKinds': 'All kinds', 'quarantine.empty': 'No records match. Try another kind or status.',
  'quarantine.col.id': 'No.', 'quarantine.col.source': 'Source (file · line)', 'quarantine.col.reasons': 'Problems', 'quarantine.col.createdAt': 'Held since',
  'quarantine.line': 'line {line}', 'quarantine.openRecord': 'Open quarantined record {id}',
  'quarantine.back': 'Back to the quarantine', 'quarantine.recordTitle': 'Quarantined record #{id}',
  'quarantine.recordLead': '{kind} · {source} · held since {at}',
  'quarantine.fields': 'As the source sent it', 'quarantine.fieldsLead': "Each field as the source system sent it; legal representatives', officers' names and ID numbers are masked. Problems are beside their fields.",
  'quarantine.col.field': 'Field', 'quarantine.col.value': 'Value sent', 'quarantine.col.problem': 'Problem', 'quarantine.col.correction': 'Correct to',
  'quarantine.blank': '(blank)', 'quarantine.noProblem': '—', 'quarantine.rowProblems': 'Problems with the whole record',
  'quarantine.notRecord': 'This line could not be read as a record; its text (masked) is below. It cannot be corrected field by field here: correct it in the source system and export it again, or discard it with a reason.',
  'quarantine.correct': 'Correct and replay', 'quarantine.correctLead': 'Correct only the fields with problems; the others go in as the source sent them. The corrected record is validated exactly like new data.',
  'quarantine.personalHint': 'Masked: type the full value', 'quarantine.personalNote': "Masked: leave it blank to keep the source's value.",
  'quarantine.verified.keep': '(keep as sent)', 'quarantine.verified.true': 'True', 'quarantine.verified.false': 'False', 'quarantine.verified.null': 'Not verified (blank)',
  'quarantine.nothingChanged': 'No field has been changed yet. Type the right value under "Correct to" first.',
  'quarantine.replay': 'Replay', 'quarantine.replaying': 'Validating and taking it in…',
  'quarantine.accepted': 'Passed validation and taken in ({outcome}); the record has left the open list.',
  'quarantine.outcome.inserted': 'added', 'quarantine.outcome.updated': 'updated the record held', 'quarantine.outcome.duplicate': 'identical to the record held', 'quarantine.outcome.stale': 'older than the record held, which stays',
  'quarantine.stillHeld': 'Still fails validation, so the record stays in quarantine. The new problems are beside their fields; what you typed is kept.',
  'quarantine.discard': 'Discard this record', 'quarantine.discardLead': 'When the record cannot be corrected and is not needed, give it up with a reason. A discarded record cannot be replayed; the reason and who discarded it are kept.',
  'quarantine.discardReason': 'Reason', 'quarantine.discardPlaceholder': 'e.g. test data, deleted in the source system', 'quarantine.discardShort': 'Say why it is discarded (at least 3 characters).',
  'quarantine.confirmDiscard': 'Discard quarantined record #{id} ({kind}, {source})? It cannot be replayed afterwards.',
  'quarantine.discarded': 'Quarantined record #{id} is discarded.',
  'quarantine.resolvedReplayed': 'Corrected and replayed by {by} on {at}', 'quarantine.resolvedDiscarded': 'Discarded by {by} on {at}',
  'quarantine.resolvedFields': 'Fields corrected: {fields}', 'quarantine.resolvedReason': 'Reason: {reason}', 'quarantine.resolvedNoFields': 'Replayed as it was, no field changed',
  'quarantine.conflict': 'This record has been dealt with already (perhaps by someone else just now).', 'quarantine.reload': 'Reload',
  'quarantine.refused': 'The server refused the request', 'quarantine.serverMessage': 'Technical detail: {message}',
  'qreason.required': 'is required but blank', 'qreason.type': 'has the wrong type', 'qreason.format': 'is not in the expected format', 'qreason.check_character': 'has a wrong check character (GB 32100)',
  'qreason.invalid_date': 'is not a real date or time', 'qreason.future_date': 'is in the future', 'qreason.range': 'is outside the allowed range', 'qreason.enum': 'is not one of the allowed values',
  'qreason.division': 'names an industry division outside its section (GB/T 4754)', 'qreason.too_few': 'lists too few', 'qreason.not_allowed': 'must be blank for this kind of record',
  'qreason.invalid_encoding': 'holds bytes that are not text (not UTF-8 or GB18030)', 'qreason.invalid_character': 'holds a character that cannot be stored (NUL or half a character)', 'qreason.too_long': 'is too long', 'qreason.precision': 'has more digits than can be kept exactly (it would be rounded): correct it to the amount meant',
  'qreason.conflict': 'is that of another version already held, with different values; the version held is kept. Correct the update time to the one that is right and replay, or discard this one with a reason',
  'qreason.ragged_row': 'has a different number of cells from the header', 'qreason.missing_column': 'the export has no column “{column}”', 'qreason.csv_syntax': 'is not well-formed CSV (e.g. a quote never closed)',
  'qreason.invalid_json': 'is not valid JSON', 'qreason.not_object': 'is not a JSON object', 'qreason.unknown_kind': 'is of an unknown kind', 'qreason.internal': 'could not be validated',
  'qreason.other': 'failed validation ({code})',
  'qreason.allowed': ' (allowed: {values})', 'qreason.atLeast': ' (at least {min})', 'qreason.between': ' (between {min} and {max})',
};

export const QUARANTINE_TEXTS = { zh, en };

/** Each kind's fields in the contract's order (the stored view keeps no order of its own). */
export const QUARANTINE_FIELD_ORDER = Object.fromEntries(Object.entries(fields.zh).map(([kind, table]) => [kind, Object.keys(table)]));
