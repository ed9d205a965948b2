import { en } from './en.js';
import { zh } from './zh.js';

export type Lang = 'en' | 'zh';
export type Messages = typeof en;
export type CliTexts = Messages['cli'];

/** The message catalog for a language. Every user-facing string comes from here. */
export function messages(lang: Lang): Messages {
  // Named only when asked for: the built program reads a catalog's file the first time it is used.
  return lang === 'zh' ? zh : en;
}

/** --lang wins, then PLAN_LANG, then the locale (LC_ALL, LC_MESSAGES, LANG): zh* gives Chinese. */
export function pickLang(option: string | undefined, env: NodeJS.ProcessEnv): Lang {
  const candidates = [option, env.PLAN_LANG, env.LC_ALL, env.LC_MESSAGES, env.LANG];
  for (const [index, value] of candidates.entries()) {
    if (!value) continue;
    // An invalid --lang (refused by the parser) must not decide the language of that refusal.
    if (index === 0 && !/^(zh|en)/i.test(value)) continue;
    return value.toLowerCase().startsWith('zh') ? 'zh' : 'en';
  }
  return 'en';
}
