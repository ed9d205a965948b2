/**
 * English texts of the command-line parser: the same words commander prints by itself, so that
 * English output is what it always was.
 */
export const cliEn = {
  unknownOption: (flag: string, suggestion: string) => `error: unknown option '${flag}'${suggestion}`,
  unknownCommand: (name: string, suggestion: string) => `error: unknown command '${name}'${suggestion}`,
  didYouMean: (candidates: readonly string[]) =>
    candidates.length > 1 ? `\n(Did you mean one of ${candidates.join(', ')}?)` : `\n(Did you mean ${candidates[0]}?)`,
  missingArgument: (_command: string, name: string) => `error: missing required argument '${name}'`,
  optionMissingArgument: (flags: string) => `error: option '${flags}' argument missing`,
  missingMandatoryOption: (flags: string) => `error: required option '${flags}' not specified`,
  conflictingOption: (flags: string, other: string) => `error: option '${flags}' cannot be used with option '${other}'`,
  excessArguments: (command: string | undefined, expected: number, got: readonly string[]) =>
    `error: too many arguments${command !== undefined ? ` for '${command}'` : ''}. Expected ${expected} argument${expected === 1 ? '' : 's'} but got ${got.length}.`,
  invalidOptionValue: (flags: string, value: string, problem: string) => `error: option '${flags}' argument '${value}' is invalid. ${problem}`,
  invalidArgumentValue: (name: string, value: string, problem: string) =>
    `error: command-argument value '${value}' is invalid for argument '${name}'. ${problem}`,
  allowedChoices: (choices: readonly string[]) => `Allowed choices are ${choices.join(', ')}.`,
  heading: (title: string) => title,
  /** Below this many columns for descriptions, help is not wrapped at all (commander's rule). */
  minWidthToWrap: 40,
  choices: (choices: readonly string[]) => `choices: ${choices.map((c) => JSON.stringify(c)).join(', ')}`,
  defaultValue: (value: unknown, description: string | undefined) => `default: ${description || JSON.stringify(value)}`,
  /** A description followed by its choices and default. */
  withExtra: (description: string | undefined, parts: readonly string[]) => (description ? `${description} (${parts.join(', ')})` : `(${parts.join(', ')})`),
  /** Placeholders in usage and option terms (`<date>`, `[options]`), by their English name. */
  placeholders: {} as Record<string, string>,
};
