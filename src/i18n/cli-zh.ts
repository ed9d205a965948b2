import type { cliEn } from './cli-en.js';

const HEADINGS: Record<string, string> = {
  'Usage:': '用法：',
  'Arguments:': '参数：',
  'Options:': '选项：',
  'Global Options:': '全局选项：',
  'Commands:': '命令：',
};

/** 命令行解析器的中文消息；错误均为一行，以“plan: ”开头，与其他错误一致。 */
export const cliZh: typeof cliEn = {
  unknownOption: (flag, suggestion) => `plan: 没有选项 ${flag}${suggestion}`,
  unknownCommand: (name, suggestion) => `plan: 没有命令“${name}”${suggestion}（全部命令见 plan --help）`,
  didYouMean: (candidates) => `（是否要用 ${candidates.join(' 或 ')}？）`,
  missingArgument: (command, name) => `plan: ${command} 缺少参数 <${name}>（见 plan ${command} --help）`,
  optionMissingArgument: (flags) => `plan: 选项 ${flags.replace(/ .*/, '')} 后面缺少值（应写作 ${flags}）`,
  missingMandatoryOption: (flags) => `plan: 缺少必需的选项 ${flags}`,
  conflictingOption: (flags, other) => `plan: 选项 ${flags} 不能与 ${other} 同时使用`,
  excessArguments: (command, expected, got) =>
    `plan: ${command ?? 'plan'} ` +
    (expected === 0 ? '不接受参数' : `只需要 ${expected} 个参数`) +
    `，实际给了 ${got.length} 个（${got.join(' ')}）；含空格的文字请加引号`,
  invalidOptionValue: (flags, value, problem) => `plan: 选项 ${flags.replace(/ .*/, '')} 的值“${value}”无效：${problem}`,
  invalidArgumentValue: (name, value, problem) => `plan: 参数 <${name}> 的值“${value}”无效：${problem}`,
  allowedChoices: (choices) => `可选 ${choices.join('、')}`,
  heading: (title) => HEADINGS[title] ?? title,
  // 中文可在任意两字之间换行，窄终端里也能折行。
  minWidthToWrap: 16,
  choices: (choices) => `可选：${choices.join('、')}`,
  // 开关选项的默认值（false）对用户没有意义，不显示。
  defaultValue: (value, description) =>
    typeof value === 'boolean' ? '' : `默认：${description || (Array.isArray(value) ? value.join('、') : String(value))}`,
  withExtra: (description, parts) => `${description ?? ''}（${parts.join('；')}）`,
  placeholders: {
    options: '选项',
    command: '命令',
    dir: '目录',
    lang: '语言',
    format: '格式',
    date: '日期',
    days: '天数',
    domain: '领域',
    name: '名称',
    states: '状态',
    kind: '表',
    month: '月份',
    file: '文件',
    id: '编号',
    text: '文字',
    enterprise: '企业',
    'target-id': '指标编号',
    value: '数值',
    town: '镇街',
    n: '数量',
    columns: '列数',
    word: '关键词',
    words: '关键词',
    what: '类别',
    old: '原名称',
    new: '新名称',
    ref: '版本',
    year: '年度',
    title: '标题',
    issuer: '印发单位',
  },
};
