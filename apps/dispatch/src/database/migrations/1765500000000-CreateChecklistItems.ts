import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Frozen: the names of the default plans' checklist items (随机抽查事项清单), which visits, plans and
 * cases carry only as codes (SAMR-01). A bureau renames or adds items over HTTP
 * (PUT /api/checklist-items/:item), never here.
 */
const DEFAULT_ITEMS: [string, string, string][] = [
  ['SAMR-01', '登记事项和公示信息', 'Registration and publicly disclosed information'],
  ['SAMR-02', '产品质量', 'Product quality'],
  ['SAMR-03', '食品安全', 'Food safety'],
  ['SAMR-04', '计量器具和明码标价', 'Measuring instruments and price labelling'],
  ['ENV-01', '排污许可执行', 'Compliance with the pollutant discharge permit'],
  ['ENV-02', '污染防治设施运行', 'Pollution control facilities in operation'],
  ['ENV-03', '危险废物管理', 'Hazardous waste management'],
  ['ENV-04', '环境影响评价和“三同时”', 'Environmental impact assessment and its measures'],
  ['EMG-01', '安全生产责任制落实', 'Work safety responsibilities in place'],
  ['EMG-02', '危险化学品管理', 'Hazardous chemicals management'],
  ['EMG-03', '事故隐患排查治理', 'Finding and fixing accident hazards'],
  ['EMG-04', '应急预案和演练', 'Emergency plans and drills'],
  ['FIRE-01', '消防设施和器材', 'Fire protection facilities and equipment'],
  ['FIRE-02', '疏散通道和安全出口', 'Escape routes and safety exits'],
  ['FIRE-03', '消防安全管理制度', 'Fire safety management'],
  ['FIRE-04', '用火用电安全', 'Safe use of fire and electricity'],
  ['HEALTH-01', '卫生许可', 'Health permits'],
  ['HEALTH-02', '从业人员健康证明', 'Staff health certificates'],
  ['HEALTH-03', '公共场所卫生', 'Hygiene of public places'],
  ['HEALTH-04', '医疗废物处置', 'Medical waste disposal'],
  ['HRSS-01', '劳动合同签订', 'Labour contracts'],
  ['HRSS-02', '工资支付', 'Payment of wages'],
  ['HRSS-03', '社会保险缴纳', 'Social insurance contributions'],
  ['HRSS-04', '工作时间和休息休假', 'Working hours, rest and leave'],
  ['CITY-01', '门前市容环境卫生', 'Appearance and cleanliness in front of the premises'],
  ['CITY-02', '户外广告和招牌设置', 'Outdoor advertising and signboards'],
  ['CITY-03', '占道经营', 'Trading on the street'],
  ['CITY-04', '建筑垃圾和餐厨垃圾处置', 'Construction and kitchen waste disposal'],
  ['AGRI-01', '农药经营和使用', 'Sale and use of pesticides'],
  ['AGRI-02', '兽药和饲料', 'Veterinary drugs and feed'],
  ['AGRI-03', '农产品质量安全', 'Quality and safety of farm produce'],
  ['AGRI-04', '种子经营', 'Sale of seeds'],
];

export class CreateChecklistItems1765500000000 implements MigrationInterface {
  name = 'CreateChecklistItems1765500000000';

  async up(q: QueryRunner): Promise<void> {
    // Item codes follow the contract: a department code, a dash and two digits (FIRE-02).
    await q.query(`CREATE TABLE dispatch.checklist_items (
      item text PRIMARY KEY CHECK (item ~ '^[A-Z]{2,10}-\\d{2}$'),
      name_zh text NOT NULL CHECK (length(name_zh) BETWEEN 1 AND 200),
      name_en text CHECK (name_en IS NULL OR length(name_en) BETWEEN 1 AND 200),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`INSERT INTO dispatch.checklist_items (item, name_zh, name_en) SELECT * FROM unnest($1::text[], $2::text[], $3::text[])`, [
      DEFAULT_ITEMS.map((i) => i[0]),
      DEFAULT_ITEMS.map((i) => i[1]),
      DEFAULT_ITEMS.map((i) => i[2]),
    ]);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE dispatch.checklist_items`);
  }
}
