import type { Lang, Messages } from './i18n/index.js';
import type { Colors } from './render/color.js';

/** What a command may touch of the outside world; tests pass their own. */
export interface Io {
  stdout: (text: string) => void;
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
  dataDir: string;
  debug: boolean;
}
