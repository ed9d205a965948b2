import type { Fit } from './table.js';
import { displayWidth } from './text.js';
import { wrapText } from './wrap.js';

/** Width of a text document (the monthly report, any text written with --out): a printed page. */
export const PRINT_WIDTH = 100;
/** Widest a text column is when output goes to a pipe of unknown width, unless --wide. */
export const PIPE_CAP = 40;
/** Narrower than this, no table can be read; --width refuses it. */
export const MIN_WIDTH = 20;

export interface Destination {
  /** The terminal's width, when printing to one. */
  columns: number | undefined;
  env: NodeJS.ProcessEnv;
}

/**
 * How screen output fits where it goes: --width if given; else a terminal's width, or COLUMNS when
 * piped; a pipe of unknown width gets its long text columns capped, unless --wide asks for full cells.
 */
export function screenFit(to: Destination, options: { width?: number | undefined; wide: boolean }): Fit {
  if (options.width !== undefined) return { width: options.width };
  if (options.wide) return {};
  const columns = to.columns ?? columnsFromEnv(to.env);
  return columns !== undefined ? { width: columns } : { cap: PIPE_CAP };
}

/** The line width of a text document: --width, else the print width, narrowed to a screen's width. */
export function documentWidth(screen: Fit, options: { width?: number | undefined; toFile: boolean }): number {
  if (options.width !== undefined) return options.width;
  return options.toFile || screen.width === undefined ? PRINT_WIDTH : Math.min(PRINT_WIDTH, screen.width);
}

function columnsFromEnv(env: NodeJS.ProcessEnv): number | undefined {
  const value = env.COLUMNS;
  if (value === undefined || !/^\d+$/.test(value)) return undefined;
  return Math.max(MIN_WIDTH, Number(value));
}

// eslint-disable-next-line no-control-regex
const STYLED = /^((?:\u001b\[[0-9;]*m)*)(.*?)((?:\u001b\[[0-9;]*m)*)$/s;
// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;

/**
 * Wraps every line of `text` wider than `width` (see wrapText); lines that fit, table lines among
 * them, are left alone. A line styled as a whole (a bold heading) keeps its style on each part.
 */
export function wrapLines(text: string, width: number | undefined): string {
  if (width === undefined) return text;
  return text
    .split('\n')
    .flatMap((line) => {
      const plain = line.replace(ANSI, '');
      if (displayWidth(plain) <= width) return [line.trimEnd()];
      const [, open = '', , close = ''] = STYLED.exec(line) ?? [];
      return wrapText(plain, width).map((part) => (open !== '' && part !== '' ? open + part + close : part));
    })
    .join('\n');
}
