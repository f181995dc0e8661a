/** A Foshan-like geography: the five districts, their towns and streets, and rough coordinates. */
export interface Town {
  name: string;
  lng: number;
  lat: number;
}

export interface District {
  regionCode: string;
  name: string;
  /** Share of market subjects registered there. */
  weight: number;
  towns: readonly Town[];
}

export const DISTRICTS: readonly District[] = [
  {
    regionCode: '440604',
    name: '禅城区',
    weight: 0.18,
    towns: [
      { name: '祖庙街道', lng: 113.112, lat: 23.03 },
      { name: '石湾镇街道', lng: 113.105, lat: 22.995 },
      { name: '张槎街道', lng: 113.07, lat: 23.04 },
      { name: '南庄镇', lng: 113.02, lat: 23.005 },
    ],
  },
  {
    regionCode: '440605',
    name: '南海区',
    weight: 0.34,
    towns: [
      { name: '桂城街道', lng: 113.15, lat: 23.03 },
      { name: '狮山镇', lng: 113.02, lat: 23.15 },
      { name: '大沥镇', lng: 113.11, lat: 23.1 },
      { name: '里水镇', lng: 113.15, lat: 23.19 },
      { name: '九江镇', lng: 113.03, lat: 22.84 },
      { name: '西樵镇', lng: 112.96, lat: 22.93 },
      { name: '丹灶镇', lng: 112.93, lat: 23.05 },
    ],
  },
  {
    regionCode: '440606',
    name: '顺德区',
    weight: 0.3,
    towns: [
      { name: '大良街道', lng: 113.25, lat: 22.84 },
      { name: '容桂街道', lng: 113.28, lat: 22.78 },
      { name: '伦教街道', lng: 113.21, lat: 22.86 },
      { name: '勒流街道', lng: 113.18, lat: 22.83 },
      { name: '陈村镇', lng: 113.24, lat: 22.95 },
      { name: '北滘镇', lng: 113.2, lat: 22.92 },
      { name: '乐从镇', lng: 113.09, lat: 22.95 },
      { name: '龙江镇', lng: 113.08, lat: 22.86 },
    ],
  },
  {
    regionCode: '440607',
    name: '三水区',
    weight: 0.1,
    towns: [
      { name: '西南街道', lng: 112.89, lat: 23.17 },
      { name: '云东海街道', lng: 112.93, lat: 23.2 },
      { name: '白坭镇', lng: 112.98, lat: 23.23 },
      { name: '乐平镇', lng: 112.93, lat: 23.28 },
    ],
  },
  {
    regionCode: '440608',
    name: '高明区',
    weight: 0.08,
    towns: [
      { name: '荷城街道', lng: 112.89, lat: 22.9 },
      { name: '杨和镇', lng: 112.82, lat: 22.94 },
      { name: '明城镇', lng: 112.68, lat: 22.97 },
      { name: '更合镇', lng: 112.55, lat: 22.84 },
    ],
  },
];

export const ROAD_NAMES: readonly string[] = [
  '建设路',
  '人民路',
  '文华路',
  '季华路',
  '汾江路',
  '岭南大道',
  '工业大道',
  '兴业路',
  '创业路',
  '环市路',
  '东平路',
  '南海大道',
  '桂澜路',
  '佛山大道',
  '凤翔路',
  '新城路',
  '和平路',
  '广隆路',
  '科技大道',
  '金沙路',
  '振华路',
  '宝盛路',
  '永安路',
  '富华路',
  '荷富路',
  '沿江路',
  '朝阳路',
  '康宁路',
  '跃进路',
  '聚贤路',
];

/** Room or unit spellings; shell-company clusters share a building and a room. */
export const UNIT_SPELLINGS: readonly string[] = ['首层', '之一', '之二', '二楼', '三楼', '商铺', '厂房', 'A座', 'B座'];
