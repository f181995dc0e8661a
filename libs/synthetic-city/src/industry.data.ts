import type { DepartmentCode } from './department.data';

/** GB/T 4754-2017 sections used by the city, with real class codes and the departments that watch them. */
export interface IndustrySection {
  letter: string;
  /** Share of market subjects in this section. */
  weight: number;
  /** Class codes (4 digits) inside the section's division range. */
  classes: readonly string[];
  /** Words that follow the trade name in a company name (e.g. 餐饮, 五金制品). */
  nameWords: readonly string[];
  /** Effect on the log-odds of being in violation, before anything else. */
  riskEffect: number;
  /** Relative inspection effort of each department on this section. */
  departments: Partial<Record<DepartmentCode, number>>;
}

export const INDUSTRY_SECTIONS: readonly IndustrySection[] = [
  {
    letter: 'F',
    weight: 0.3,
    classes: ['5121', '5123', '5137', '5171', '5211', '5212', '5221', '5223', '5224', '5227', '5232', '5251', '5271', '5292'],
    nameWords: ['商行', '贸易', '百货', '食品店', '五金店', '便利店', '副食店'],
    riskEffect: 0.1,
    departments: { SAMR: 4, FIRE: 1.5, CITY: 1.5, HRSS: 0.4 },
  },
  {
    letter: 'C',
    weight: 0.2,
    classes: ['1391', '1431', '1761', '1810', '2110', '2927', '3071', '3311', '3360', '3381', '3851', '3854'],
    nameWords: ['五金制品', '家具', '陶瓷', '塑料制品', '电器', '纺织', '机械', '金属制品'],
    riskEffect: 0.35,
    departments: { EMG: 3, ENV: 3, FIRE: 2, SAMR: 1.5, HRSS: 1.5 },
  },
  {
    letter: 'H',
    weight: 0.14,
    classes: ['6210', '6220', '6231', '6232', '6291', '6299', '6121', '6190'],
    nameWords: ['餐饮', '小食店', '饭店', '茶餐厅', '酒楼', '快餐店'],
    riskEffect: 0.5,
    departments: { SAMR: 4, FIRE: 2, HEALTH: 1.2, CITY: 1.5, ENV: 0.4 },
  },
  {
    letter: 'L',
    weight: 0.08,
    classes: ['7212', '7221', '7224', '7281', '7298'],
    nameWords: ['商务服务', '企业管理', '咨询', '投资'],
    riskEffect: -0.1,
    departments: { SAMR: 2, HRSS: 0.6, FIRE: 0.5 },
  },
  {
    letter: 'O',
    weight: 0.06,
    classes: ['8010', '8040', '8051', '8071', '8090'],
    nameWords: ['美容美发', '洗衣', '家政服务', '汽车维修'],
    riskEffect: 0.15,
    departments: { SAMR: 2, HEALTH: 1.5, FIRE: 1, ENV: 0.6 },
  },
  {
    letter: 'G',
    weight: 0.05,
    classes: ['5430', '5436', '5821', '5990'],
    nameWords: ['物流', '运输', '货运代理'],
    riskEffect: 0.1,
    departments: { EMG: 2, FIRE: 1.5, SAMR: 1, CITY: 1 },
  },
  {
    letter: 'M',
    weight: 0.04,
    classes: ['7320', '7450', '7484', '7519'],
    nameWords: ['科技', '检测', '设计'],
    riskEffect: -0.4,
    departments: { SAMR: 1.5, HRSS: 0.6 },
  },
  {
    letter: 'I',
    weight: 0.04,
    classes: ['6410', '6432', '6513', '6520'],
    nameWords: ['网络科技', '信息技术', '软件'],
    riskEffect: -0.5,
    departments: { SAMR: 1.5, HRSS: 0.5 },
  },
  {
    letter: 'E',
    weight: 0.04,
    classes: ['4710', '4813', '4910', '5011'],
    nameWords: ['建筑工程', '装饰工程', '安装工程'],
    riskEffect: 0.35,
    departments: { EMG: 3, CITY: 2, HRSS: 1.5, FIRE: 1 },
  },
  {
    letter: 'K',
    weight: 0.02,
    classes: ['7010', '7020', '7040'],
    nameWords: ['房地产开发', '物业管理', '房地产经纪'],
    riskEffect: -0.15,
    departments: { SAMR: 1, FIRE: 1, CITY: 1 },
  },
  {
    letter: 'R',
    weight: 0.015,
    classes: ['8810', '8870', '9011'],
    nameWords: ['文化传播', '娱乐', '体育'],
    riskEffect: 0.1,
    departments: { FIRE: 2, SAMR: 1, CITY: 0.8 },
  },
  {
    letter: 'Q',
    weight: 0.01,
    classes: ['8411', '8423', '8425'],
    nameWords: ['诊所', '医疗', '门诊部'],
    riskEffect: 0.2,
    departments: { HEALTH: 4, FIRE: 1, SAMR: 1 },
  },
  {
    letter: 'P',
    weight: 0.01,
    classes: ['8391', '8393', '8394'],
    nameWords: ['培训中心', '教育咨询'],
    riskEffect: -0.1,
    departments: { SAMR: 1.5, FIRE: 1.5, HEALTH: 0.5 },
  },
  {
    letter: 'A',
    weight: 0.01,
    classes: ['0141', '0312', '0411', '0521'],
    nameWords: ['农业', '养殖', '种植'],
    riskEffect: 0.2,
    departments: { AGRI: 4, ENV: 1.5, SAMR: 0.6 },
  },
];
