import { Help, type Argument, type Command, type Option } from 'commander';
import type { CliTexts } from '../i18n/index.js';
import { displayWidth } from '../render/text.js';

// eslint-disable-next-line no-control-regex
const SGR = /\x1b\[\d*(;\d*)*m/g;
/** Characters that may be broken before and after: Chinese text has no spaces to wrap at. */
const WIDE = '\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef';
/** Punctuation that must not begin a line, and punctuation that must not end one. */
const NO_START = '，。、；：！？）」』》】…”’';
const NO_END = '（「『《【“‘';
// A chunk: leading spaces, then one wide character or one run of narrow ones, keeping the
// punctuation that may not be separated from it.
const CHUNK = new RegExp(`\\s*[${NO_END}]*(?:[${WIDE}]|[^\\s${WIDE}]+)[${NO_START}]*`, 'gu');

/**
 * Commander's help in the user's language: headings, placeholders (`<date>`), defaults and
 * choices from the catalog, and descriptions wrapped by display width, Chinese between any two
 * characters. Applies to every command, however it was registered.
 */
export class LocalizedHelp extends Help {
  constructor(private readonly texts: CliTexts) {
    super();
    this.minWidthToWrap = texts.minWidthToWrap;
  }

  override styleTitle(title: string): string {
    return this.texts.heading(title);
  }

  override commandUsage(cmd: Command): string {
    return localizeTerm(super.commandUsage(cmd), this.texts);
  }

  override subcommandTerm(cmd: Command): string {
    return localizeTerm(super.subcommandTerm(cmd), this.texts);
  }

  override optionTerm(option: Option): string {
    return localizeTerm(super.optionTerm(option), this.texts);
  }

  override argumentTerm(argument: Argument): string {
    return placeholder(super.argumentTerm(argument), this.texts);
  }

  override optionDescription(option: Option): string {
    const extra: string[] = [];
    if (option.argChoices) extra.push(this.texts.choices(option.argChoices));
    const showDefault = option.required || option.optional || (option.isBoolean() && typeof option.defaultValue === 'boolean');
    if (option.defaultValue !== undefined && showDefault) extra.push(this.texts.defaultValue(option.defaultValue, option.defaultValueDescription));
    return withExtra(option.description, extra, this.texts);
  }

  override argumentDescription(argument: Argument): string {
    const extra: string[] = [];
    if (argument.argChoices) extra.push(this.texts.choices(argument.argChoices));
    if (argument.defaultValue !== undefined) extra.push(this.texts.defaultValue(argument.defaultValue, argument.defaultValueDescription));
    return withExtra(argument.description, extra, this.texts);
  }

  override displayWidth(str: string): number {
    return displayWidth(str.replace(SGR, ''));
  }

  /** Commander's greedy wrap, with chunks that also end between Chinese characters. */
  override boxWrap(str: string, width: number): string {
    if (width < this.minWidthToWrap) return str;
    const wrapped: string[] = [];
    for (const line of str.split(/\r\n|\n/)) {
      const chunks = line.match(CHUNK);
      if (chunks === null) {
        wrapped.push('');
        continue;
      }
      let current = chunks[0]!;
      let used = this.displayWidth(current);
      for (const chunk of chunks.slice(1)) {
        const w = this.displayWidth(chunk);
        if (used + w <= width) {
          current += chunk;
          used += w;
          continue;
        }
        wrapped.push(current);
        current = chunk.trimStart();
        used = this.displayWidth(current);
      }
      wrapped.push(current);
    }
    return wrapped.join('\n');
  }
}

function withExtra(description: string | undefined, extra: string[], texts: CliTexts): string {
  const parts = extra.filter(Boolean);
  return parts.length === 0 ? (description ?? '') : texts.withExtra(description, parts);
}

/** `--as-of <date>` → `--as-of <日期>`, `[options]` → `[选项]`: the names stay, the placeholders speak the language. */
export function localizeTerm(term: string, texts: CliTexts): string {
  return term
    .split(' ')
    .map((word) => {
      const match = /^([<[])([^>\]]+?)(\.\.\.)?([>\]])(,?)$/.exec(word);
      if (!match) return word;
      const [, open, name, dots, close, comma] = match;
      return `${open}${placeholder(name!, texts)}${dots ?? ''}${close}${comma}`;
    })
    .join(' ');
}

/** A placeholder's name in the language, or the name itself. */
export function placeholder(name: string, texts: CliTexts): string {
  return texts.placeholders[name] ?? name;
}
