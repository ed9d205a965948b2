import type { Lang, Messages } from './i18n/index.js';
import type { Colors } from './render/color.js';
import type { Fit } from './render/table.js';

/** What a command may touch of the outside world; tests pass their own. */
export interface Io {
  stdout: (text: string) => void;
  /** Binary output (Word, Excel files); absent where only text can go. */
  stdoutBytes?: (bytes: Uint8Array) => void;
  stderr: (text: string) => void;
  env: NodeJS.ProcessEnv;
  cwd: string;
  isTTY: boolean;
  /** Terminal width in columns, when printing to a terminal. */
  columns: number | undefined;
  now: () => Date;
}

/** Everything a command needs besides its own options, settled once from the global options. */
export interface Context {
  io: Io;
  lang: Lang;
  msg: Messages;
  colors: Colors;
  /** How screen output fits where it goes: a terminal, a pipe (see render/fit.ts). */
  fit: Fit;
  /** --width, when given: the line width of every text output, documents included. */
  width: number | undefined;
  dataDir: string;
  debug: boolean;
}
