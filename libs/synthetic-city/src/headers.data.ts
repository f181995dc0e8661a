/** Platform A's Chinese headers in contract order; the canonical field arrays follow this order. */
export const SUBJECT_HEADERS = [
  '统一社会信用代码',
  '主体名称',
  '成立日期',
  '注册资本(万元)',
  '股东认缴出资额(万元)',
  '从业人数',
  '行业代码',
  '行政区划代码',
  '住所',
  '经度',
  '纬度',
  '登记状态',
  '列入经营异常名录',
  '近两年法定代表人变更次数',
  '法定代表人',
  '法定代表人证件号',
  '更新时间',
] as const;

export const CASE_HEADERS = [
  '案件编号',
  '统一社会信用代码',
  '执法部门',
  '案件类型',
  '检查来源',
  '发生日期',
  '检查事项',
  '检查结果',
  '违法行为',
  '罚没金额(元)',
  '执法人员证号',
  '更新时间',
] as const;

export const OFFICER_HEADERS = ['执法证号', '姓名', '所属部门', '执法证有效期至', '可检查部门', '常驻区划', '状态'] as const;

/** Columns an export may carry beyond the contract; consumers ignore them. */
export const EXTRA_HEADERS = ['备注', '数据来源', '导出批次', '经办机构'] as const;

export const SUBJECT = Object.fromEntries(SUBJECT_HEADERS.map((h, i) => [h, i])) as Record<(typeof SUBJECT_HEADERS)[number], number>;
export const CASE = Object.fromEntries(CASE_HEADERS.map((h, i) => [h, i])) as Record<(typeof CASE_HEADERS)[number], number>;
export const OFFICER = Object.fromEntries(OFFICER_HEADERS.map((h, i) => [h, i])) as Record<(typeof OFFICER_HEADERS)[number], number>;
