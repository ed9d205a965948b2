/**
 * Words a clerk may type for the codes of an option or argument with fixed choices (--kind towns,
 * rename unit, --format docx), or write in a data file where a code belongs (status: 已完成): the
 * Chinese the program prints for them, and the codes in any case.
 * Taken whatever the language of the interface, as a Chinese clerk may run it in English.
 */
const WORDS: Record<string, readonly string[]> = {
  person: ['人员', '人', '责任人', '人名'],
  unit: ['单位', '责任单位'],
  tasks: ['任务', '事项'],
  enterprises: ['企业', '企业名单'],
  towns: ['镇街', '镇街（园区）', '园区', '镇'],
  text: ['文本'],
  markdown: ['md'],
  html: ['网页'],
  docx: ['word', 'doc'],
  xlsx: ['excel', 'xls'],
  zh: ['中文', '汉语'],
  en: ['英文', '英语', 'english'],
  // The codes of the data files, for a hint when a Chinese word is written in their place.
  todo: ['未开始', '待办', '未完成'],
  doing: ['进行中', '在办', '正在进行'],
  done: ['已完成', '完成'],
  blocked: ['受阻', '阻塞'],
  cancelled: ['已取消', '取消'],
  not_started: ['未创建', '当前未创建', '未开始'],
  applying: ['正在申请中', '申请中'],
  certified: ['已达标', '达标'],
  revoked: ['已撤销', '撤销'],
  week: ['每周', '周'],
  month: ['每月', '月'],
  two_months: ['双月', '每两个月'],
  quarter: ['每季度', '季度'],
  half_year: ['每半年', '半年'],
  year: ['每年', '年'],
  at_least: ['以上', '不少于', '至少'],
  at_most: ['以内', '以下', '不超过'],
  reduce_by: ['下降'],
  decrease: ['减少', '持续下降'],
  zero: ['零', '杜绝', '清零'],
};

/** The code among `choices` a typed word stands for, or undefined. */
export function choiceFor(typed: string, choices: readonly string[]): string | undefined {
  const word = typed.trim();
  const lower = word.toLowerCase();
  const code = choices.find((c) => c.toLowerCase() === lower);
  if (code !== undefined) return code;
  return choices.find((c) => WORDS[c]?.some((w) => w === word || w === lower));
}
