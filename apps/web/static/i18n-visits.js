// Words for a visit's page: its route and its deadline extensions, Chinese and English;
// i18n.js merges them into its dictionaries.

const zh = {
  'route.aloneUnlocated': '这一站没有坐标，未画出，请按地址前往',
  'route.unlocatedStops': '第 {stops} 站没有坐标，未画出，请按地址前往',
  'extend.otherDepartment': '这次检查的延期整改由检查涉及的部门（{departments}）或调度员办理。',
};

const en = {
  'route.aloneUnlocated': 'This stop has no coordinates and is not drawn: go by the address',
  'route.unlocatedStops': 'Stops {stops} have no coordinates and are not drawn: go by the address',
  'route.unlocatedStops.one': 'Stop {stops} has no coordinates and is not drawn: go by the address',
  'extend.otherDepartment': 'Extensions of this visit’s deadline are handled by the departments on it ({departments}) or a dispatcher.',
};

export const VISIT_TEXTS = { zh, en };
