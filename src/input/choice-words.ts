/**
 * Words a clerk may type for the codes of an option or argument with fixed choices (--kind towns,
 * rename unit, --format docx): the Chinese the program prints for them, and the codes in any case.
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
};

/** The code among `choices` a typed word stands for, or undefined. */
export function choiceFor(typed: string, choices: readonly string[]): string | undefined {
  const word = typed.trim();
  const lower = word.toLowerCase();
  const code = choices.find((c) => c.toLowerCase() === lower);
  if (code !== undefined) return code;
  return choices.find((c) => WORDS[c]?.some((w) => w === word || w === lower));
}
