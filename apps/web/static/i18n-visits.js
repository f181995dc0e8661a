// Words for recording a visit's results, its route and its deadline extensions, Chinese and English;
// i18n.js merges them into its dictionaries.

const zh = {
  'results.choose': '请选择结果',
  'results.chooseEach': '逐项选择检查结果，未选择的事项不能保存。',
  'results.fillNone': '其余未选事项设为“未发现问题”',
  'results.unchosen': '还有 {n} 项未选择结果：{items}。请逐项选择，或点“其余未选事项设为‘未发现问题’”。',
  'results.confirmHead': '请核对后保存：共 {n} 项',
  'results.countOf': '{result} {n} 项',
  'results.total': '合计',
  'results.confirmSave': '确认保存',
  'results.confirmBack': '返回修改',
  'route.aloneUnlocated': '这一站没有坐标，未画出，请按地址前往',
  'route.unlocatedStops': '第 {stops} 站没有坐标，未画出，请按地址前往',
  'extend.otherDepartment': '这次检查的延期整改由检查涉及的部门（{departments}）或调度员办理。',
};

const en = {
  'results.choose': 'Choose a result',
  'results.chooseEach': 'Choose each item’s result: the form is not saved while any is unchosen.',
  'results.fillNone': 'Set the items still unchosen to “No problem”',
  'results.unchosen': '{n} items still have no result: {items}. Choose each, or use “Set the items still unchosen to ‘No problem’”.',
  'results.unchosen.one': '1 item still has no result: {items}. Choose it, or use “Set the items still unchosen to ‘No problem’”.',
  'results.confirmHead': 'Check before saving: {n} items',
  'results.countOf': '{result}: {n}',
  'results.total': 'Total',
  'results.confirmSave': 'Confirm and save',
  'results.confirmBack': 'Back to the form',
  'route.aloneUnlocated': 'This stop has no coordinates and is not drawn: go by the address',
  'route.unlocatedStops': 'Stops {stops} have no coordinates and are not drawn: go by the address',
  'route.unlocatedStops.one': 'Stop {stops} has no coordinates and is not drawn: go by the address',
  'extend.otherDepartment': 'Extensions of this visit’s deadline are handled by the departments on it ({departments}) or a dispatcher.',
};

export const VISIT_TEXTS = { zh, en };
