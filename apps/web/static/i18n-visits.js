// Words for a visit's page and its route, Chinese and English;
// i18n.js merges them into its dictionaries.

const zh = {
  'route.aloneUnlocated': '这一站没有坐标，未画出，请按地址前往',
  'route.unlocatedStops': '第 {stops} 站没有坐标，未画出，请按地址前往',
};

const en = {
  'route.aloneUnlocated': 'This stop has no coordinates and is not drawn: go by the address',
  'route.unlocatedStops': 'Stops {stops} have no coordinates and are not drawn: go by the address',
  'route.unlocatedStops.one': 'Stop {stops} has no coordinates and is not drawn: go by the address',
};

export const VISIT_TEXTS = { zh, en };
