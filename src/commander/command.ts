import { Command, Option, type Argument, type Help } from 'commander';
import type { CliTexts } from '../i18n/index.js';
import { LocalizedHelp, localizeTerm, placeholder } from './help.js';
import { similar } from './suggest.js';
import { choiceFor } from '../input/choice-words.js';

/** Fields of commander's Command that it keeps private but that its messages depend on. */
interface Internals {
  _allowUnknownOption: boolean;
  _allowExcessArguments: boolean;
  _showSuggestionAfterError: boolean;
  _enablePositionalOptions: boolean;
}

/**
 * A commander Command whose messages come from the catalog. Commander builds each message in one
 * method (unknownOption, missingArgument, ...); these are overridden, so every command and
 * option, including ones added later, speaks the user's language, and nothing is rewritten after
 * the fact. Subcommands made with `.command()` are of this class too (createCommand).
 */
export class LocalizedCommand extends Command {
  constructor(
    name: string | undefined,
    readonly texts: CliTexts,
  ) {
    super(name);
  }

  override createCommand(name?: string): Command {
    return new LocalizedCommand(name, this.texts);
  }

  override createHelp(): Help {
    return Object.assign(new LocalizedHelp(this.texts), this.configureHelp());
  }

  private get internals(): Internals {
    return this as unknown as Internals;
  }

  private term(flags: string): string {
    return localizeTerm(flags, this.texts);
  }

  /** Overrides commander's: the message of an unknown --option, with the closest known ones. */
  unknownOption(flag: string): void {
    if (this.internals._allowUnknownOption) return;
    let suggestion = '';
    if (flag.startsWith('--') && this.internals._showSuggestionAfterError) {
      const candidates: string[] = [];
      // The options of the command and of its parents (global options) are all accepted here.
      for (let command: Command | null = this; command; command = command.parent) {
        for (const option of command.createHelp().visibleOptions(command)) if (option.long) candidates.push(option.long);
        if ((command as unknown as Internals)._enablePositionalOptions) break;
      }
      suggestion = this.suggestion(flag, candidates);
    }
    this.error(this.texts.unknownOption(flag, suggestion), { code: 'commander.unknownOption' });
  }

  /** Overrides commander's: the message of an unknown command, with the closest known ones. */
  unknownCommand(): void {
    const name = this.args[0] ?? '';
    let suggestion = '';
    if (this.internals._showSuggestionAfterError) {
      const candidates = this.createHelp()
        .visibleCommands(this)
        .flatMap((c) => [c.name(), ...(c.alias() ? [c.alias()] : [])]);
      suggestion = this.suggestion(name, candidates);
    }
    this.error(this.texts.unknownCommand(name, suggestion), { code: 'commander.unknownCommand' });
  }

  private suggestion(word: string, candidates: readonly string[]): string {
    const found = similar(word, candidates);
    return found.length > 0 ? this.texts.didYouMean(found) : '';
  }

  /** Overrides commander's. */
  missingArgument(name: string): void {
    this.error(this.texts.missingArgument(this.name(), placeholder(name, this.texts)), { code: 'commander.missingArgument' });
  }

  /** Overrides commander's. */
  optionMissingArgument(option: Option): void {
    this.error(this.texts.optionMissingArgument(this.term(option.flags)), { code: 'commander.optionMissingArgument' });
  }

  /** Overrides commander's. */
  missingMandatoryOptionValue(option: Option): void {
    this.error(this.texts.missingMandatoryOption(this.term(option.flags)), { code: 'commander.missingMandatoryOptionValue' });
  }

  /** Overrides commander's (which also names environment variables, which plan does not read options from). */
  _conflictingOption(option: Option, conflicting: Option): void {
    this.error(this.texts.conflictingOption(this.term(option.flags), this.term(conflicting.flags)), { code: 'commander.conflictingOption' });
  }

  /** Overrides commander's. */
  _excessArguments(received: string[]): void {
    if (this.internals._allowExcessArguments) return;
    const command = this.parent ? this.name() : undefined;
    this.error(this.texts.excessArguments(command, this.registeredArguments.length, received), { code: 'commander.excessArguments' });
  }

  /** Overrides commander's: an invalid value of an option or argument, with the choices when there are some. */
  _callParseArg(target: Option | Argument, value: string, previous: unknown, _invalidArgumentMessage: string): unknown {
    try {
      // 单位 for unit, 镇街 for towns, DOCX for docx: a word for a choice is the choice.
      const choices = target.argChoices;
      const typed = choices && !choices.includes(value) ? (choiceFor(value, choices) ?? value) : value;
      return target.parseArg!(typed, previous);
    } catch (error) {
      if ((error as { code?: string }).code !== 'commander.invalidArgument') throw error;
      const choices = target.argChoices;
      const problem = choices && !choices.includes(value) ? this.texts.allowedChoices(choices) : (error as Error).message;
      const message =
        target instanceof Option
          ? this.texts.invalidOptionValue(this.term(target.flags), value, problem)
          : this.texts.invalidArgumentValue(placeholder(target.name(), this.texts), value, problem);
      this.error(message, { exitCode: (error as { exitCode?: number }).exitCode ?? 1, code: 'commander.invalidArgument' });
    }
  }
}
