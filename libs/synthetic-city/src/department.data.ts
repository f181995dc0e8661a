/** The eight enforcement departments, their inspection items, clue categories and findings. */
export const DEPARTMENT_CODES = ['SAMR', 'ENV', 'EMG', 'FIRE', 'HEALTH', 'HRSS', 'CITY', 'AGRI'] as const;
export type DepartmentCode = (typeof DEPARTMENT_CODES)[number];

export interface Department {
  code: DepartmentCode;
  /** How many item codes (`FIRE-01`..) the department's checklist has. */
  itemCount: number;
  clueCategories: readonly string[];
  findings: readonly string[];
}

export const DEPARTMENTS: Record<DepartmentCode, Department> = {
  SAMR: {
    code: 'SAMR',
    itemCount: 12,
    clueCategories: ['food_safety', 'product_quality', 'price', 'licence'],
    findings: ['从业人员未取得健康证明', '销售过期食品', '未按规定明码标价', '生产不符合安全标准的产品', '未公示营业执照', '虚假宣传'],
  },
  ENV: {
    code: 'ENV',
    itemCount: 8,
    clueCategories: ['pollution'],
    findings: ['未经批准排放污染物', '废气处理设施未正常运行', '危险废物未规范贮存', '噪声超标排放'],
  },
  EMG: {
    code: 'EMG',
    itemCount: 9,
    clueCategories: ['other', 'fire_safety'],
    findings: ['未开展安全生产教育培训', '危险化学品储存不规范', '特种作业人员无证上岗', '安全警示标志缺失'],
  },
  FIRE: { code: 'FIRE', itemCount: 7, clueCategories: ['fire_safety'], findings: ['疏散通道堵塞', '消防设施未保持完好有效', '违规住人', '电气线路私拉乱接'] },
  HEALTH: {
    code: 'HEALTH',
    itemCount: 6,
    clueCategories: ['other', 'food_safety'],
    findings: ['公共场所卫生不达标', '未取得卫生许可证', '医疗废物处置不规范'],
  },
  HRSS: { code: 'HRSS', itemCount: 5, clueCategories: ['labour'], findings: ['拖欠劳动者工资', '未依法签订劳动合同', '超时加班'] },
  CITY: { code: 'CITY', itemCount: 8, clueCategories: ['other', 'licence'], findings: ['占道经营', '违规设置户外广告', '餐厨垃圾未规范处置', '违法搭建'] },
  AGRI: { code: 'AGRI', itemCount: 6, clueCategories: ['food_safety', 'product_quality'], findings: ['违规使用农药', '兽药使用记录不全', '农产品检测不合格'] },
};
