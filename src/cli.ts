import { fstatSync, writeSync } from 'node:fs';
import packageJson from '../package.json' with { type: 'json' };
import { Argument, CommanderError, Option } from 'commander';
import { LocalizedCommand } from './commander/command.js';
import type { Context, Io } from './context.js';
import { EXIT, IoError, PlanError, shownPath, type ExitCode } from './errors.js';
import { messages, pickLang, type Messages } from './i18n/index.js';
import { resolveDataDir } from './load/data-dir.js';
import { makeColors } from './render/color.js';
import { MIN_WIDTH, screenFit } from './render/fit.js';
import { visible } from './render/visible.js';
import { cappedMessage } from './validate/diagnostic.js';

interface GlobalOptions {
  data?: string;
  lang?: string;
  color: boolean;
  width?: string;
  wide: boolean;
  debug: boolean;
}

/** Runs the CLI with the given arguments and I/O; returns the exit code. Never throws. */
export async function main(argv: readonly string[], io: Io): Promise<ExitCode> {
  let exitCode: ExitCode = EXIT.ok;
  const langOption = optionValue(argv, '--lang');
  const lang = pickLang(langOption, io.env);
  const msg = messages(lang);
  const program = new LocalizedCommand('plan', msg.cli);
  const contextOf = (): Context => {
    const global = program.opts<GlobalOptions>();
    const width = widthOption(global.width, msg);
    return {
      io,
      lang,
      msg,
      colors: makeColors({ color: global.color, isTTY: io.isTTY, env: io.env }),
      fit: screenFit({ columns: io.columns, env: io.env }, { width, wide: global.wide }),
      width,
      dataDir: resolveDataDir(global.data, io.env, io.cwd),
      debug: global.debug,
    };
  };

  program
    .description(msg.help.program)
    .version(readVersion(), '-V, --version', msg.help.version)
    .helpOption('-h, --help', msg.help.help)
    .helpCommand('help [command]', msg.help.helpCommand)
    .option('--data <dir>', msg.help.data)
    .addOption(new Option('--lang <lang>', msg.help.lang).choices(['zh', 'en']))
    .option('--no-color', msg.help.noColor)
    .option('--width <columns>', msg.help.width)
    .option('--wide', msg.help.wide, false)
    .option('--debug', msg.help.debug, false)
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      writeOut: io.stdout,
      writeErr: io.stderr,
      // Help is wrapped to the terminal, or to 80 columns when it goes to a file or a pipe.
      getOutHelpWidth: () => io.columns ?? 80,
      getErrHelpWidth: () => io.columns ?? 80,
    });

  program
    .command('check')
    .description(msg.help.check)
    .addOption(new Option('--format <format>', msg.help.format).choices(['text', 'json', 'github', 'sarif']).default('text'))
    .option('--strict', msg.help.strict, false)
    .option('-q, --quiet', msg.help.quiet, false)
    .option('--all-warnings', msg.help.allWarnings, false)
    .option('--changed <ref>', msg.help.changed)
    .option('--only-changed', msg.help.onlyChanged, false)
    .action(async (options) => {
      const { check } = await import('./commands/check.js');
      exitCode = await check(contextOf(), options);
    });

  program
    .command('init')
    .description(msg.help.init)
    .argument('[dir]', msg.help.initDir)
    .option('--year <year>', msg.help.initYear)
    .option('--title <title>', msg.help.initTitle)
    .option('--issuer <issuer>', msg.help.initIssuer)
    .option('--issued <date>', msg.help.initIssued)
    .action(async (dir: string | undefined, options) => {
      const { init } = await import('./commands/init.js');
      exitCode = init(contextOf(), dir, options);
    });

  program
    .command('import')
    .description(msg.help.import)
    .argument('<file>', msg.help.importFile)
    .option('--out <dir>', msg.help.importOut)
    .option('--year <year>', msg.help.importYear)
    .option('--compare <dir>', msg.help.importCompare)
    .addOption(new Option('--format <format>', msg.help.format).choices(['text', 'json']).default('text'))
    .action(async (file: string, options) => {
      const { importNotice } = await import('./commands/import.js');
      exitCode = importNotice(contextOf(), file, options);
    });

  program
    .command('rollover')
    .description(msg.help.rollover)
    .requiredOption('--to <year>', msg.help.rolloverTo)
    .option('--out <dir>', msg.help.rolloverOut)
    .option('--keep-tasks', msg.help.keepTasks, false)
    .option('--dry-run', msg.help.dryRun, false)
    .action(async (options) => {
      const { rollover } = await import('./commands/rollover.js');
      exitCode = await rollover(contextOf(), options);
    });

  program
    .command('status')
    .description(msg.help.status)
    .option('--as-of <date>', msg.help.asOf)
    .option('--soon <days>', msg.help.soon, '14')
    .option('--domain <domain>', msg.help.domain)
    .option('--owner <name>', msg.help.owner)
    .option('--all', msg.help.all, false)
    .addOption(new Option('--format <format>', msg.help.format).choices(['text', 'json']).default('text'))
    .action(async (options) => {
      const { status } = await import('./commands/status.js');
      exitCode = await status(contextOf(), options);
    });

  program
    .command('tasks')
    .description(msg.help.tasks)
    .option('--as-of <date>', msg.help.asOf)
    .option('--soon <days>', msg.help.soon, '14')
    .option('--domain <domain>', msg.help.domain)
    .option('--owner <name>', msg.help.owner)
    .option('--unit <name>', msg.help.unit)
    .option('--status <states>', msg.help.statusFilter)
    .option('--overdue', msg.help.overdue, false)
    .option('--due-before <date>', msg.help.dueBefore)
    .option('--due-after <date>', msg.help.dueAfter)
    .option('--grep <word>', msg.help.grep)
    .addOption(new Option('--format <format>', msg.help.format).choices(['text', 'json', 'csv', 'markdown']).default('text'))
    .action(async (options) => {
      const { tasks } = await import('./commands/tasks.js');
      exitCode = await tasks(contextOf(), options);
    });

  program
    .command('owners')
    .description(msg.help.owners)
    .option('--as-of <date>', msg.help.asOf)
    .option('--soon <days>', msg.help.soon, '14')
    .addOption(new Option('--format <format>', msg.help.format).choices(['text', 'json', 'csv', 'markdown']).default('text'))
    .action(async (options) => {
      const { owners } = await import('./commands/owners.js');
      exitCode = await owners(contextOf(), options);
    });

  program
    .command('owner')
    .description(msg.help.owner1)
    .argument('<name>', msg.help.ownerName)
    .option('--as-of <date>', msg.help.asOf)
    .option('--soon <days>', msg.help.soon, '14')
    .option('--days <days>', msg.help.days, '30')
    .addOption(new Option('--format <format>', msg.help.format).choices(['text', 'json']).default('text'))
    .action(async (name: string, options) => {
      const { owner } = await import('./commands/owners.js');
      exitCode = await owner(contextOf(), name, options);
    });

  program
    .command('compliance')
    .description(msg.help.compliance)
    .option('--as-of <date>', msg.help.asOf)
    .option('--soon <days>', msg.help.soon, '14')
    .addOption(new Option('--format <format>', msg.help.format).choices(['text', 'json']).default('text'))
    .action(async (options) => {
      const { compliance } = await import('./commands/compliance.js');
      exitCode = await compliance(contextOf(), options);
    });

  program
    .command('report')
    .description(msg.help.report)
    .option('--month <month>', msg.help.month)
    .option('--as-of <date>', msg.help.asOfReport)
    .option('--soon <days>', msg.help.soon, '14')
    .addOption(new Option('--format <format>', msg.help.format).choices(['text', 'markdown', 'json', 'html', 'docx']).default('text'))
    .option('--out <file>', msg.help.out)
    .option('--force', msg.help.force, false)
    .option('--submit', msg.help.submit, false)
    .option('--as-submitted', msg.help.asSubmitted, false)
    .action(async (options) => {
      const { report } = await import('./commands/report.js');
      exitCode = await report(contextOf(), options);
    });

  program
    .command('show')
    .description(msg.help.show)
    .argument('<id>', msg.help.showId)
    .option('--as-of <date>', msg.help.asOf)
    .addOption(new Option('--format <format>', msg.help.format).choices(['text', 'json']).default('text'))
    .action(async (id: string, options) => {
      const { show } = await import('./commands/show.js');
      exitCode = await show(contextOf(), id, options);
    });

  program
    .command('export')
    .description(msg.help.export)
    .option('--as-of <date>', msg.help.exportAsOf)
    .addOption(new Option('--format <format>', msg.help.format).choices(['json', 'csv', 'xlsx']).default('json'))
    .addOption(new Option('--kind <kind>', msg.help.kind).choices(['tasks', 'enterprises', 'towns']))
    .option('--out <file>', msg.help.exportOut)
    .option('--force', msg.help.force, false)
    .action(async (options) => {
      const { exportCommand } = await import('./commands/export.js');
      exitCode = await exportCommand(contextOf(), options);
    });

  // Recording progress: each edits one YAML file in place, keeping its comments and layout.
  const editCommand = (name: string, description: string) =>
    program
      .command(name)
      .description(description)
      .option('--on <date>', msg.help.on)
      .option('--force', msg.help.forceEdit, false)
      .option('--dry-run', msg.help.dryRun, false);

  editCommand('done', msg.help.done)
    .argument('<id...>', msg.help.itemId)
    .option('--note <text>', msg.help.note)
    .action(async (ids: string[], options) => {
      const { done } = await import('./commands/progress.js');
      exitCode = await done(contextOf(), ids, options);
    });
  editCommand('start', msg.help.start)
    .argument('<id>', msg.help.taskId)
    .action(async (id: string, options) => {
      const { start } = await import('./commands/progress.js');
      exitCode = await start(contextOf(), id, options);
    });
  editCommand('block', msg.help.block)
    .argument('<id>', msg.help.taskId)
    .requiredOption('--reason <text>', msg.help.reason)
    .action(async (id: string, options) => {
      const { block } = await import('./commands/progress.js');
      exitCode = await block(contextOf(), id, options.reason, options);
    });
  editCommand('unblock', msg.help.unblock)
    .argument('<id>', msg.help.taskId)
    .action(async (id: string, options) => {
      const { unblock } = await import('./commands/progress.js');
      exitCode = await unblock(contextOf(), id, options);
    });
  editCommand('cancel', msg.help.cancel)
    .argument('<id>', msg.help.taskId)
    .requiredOption('--reason <text>', msg.help.cancelReason)
    .action(async (id: string, options) => {
      const { cancel } = await import('./commands/progress.js');
      exitCode = await cancel(contextOf(), id, options.reason, options);
    });
  editCommand('reopen', msg.help.reopen)
    .argument('<id>', msg.help.itemId)
    .action(async (id: string, options) => {
      const { reopen } = await import('./commands/progress.js');
      exitCode = await reopen(contextOf(), id, options);
    });
  editCommand('note', msg.help.noteCommand)
    .argument('<id>', msg.help.itemId)
    .argument('[text]', msg.help.noteText)
    .option('--replace', msg.help.noteReplace, false)
    .option('--withdraw', msg.help.noteWithdraw, false)
    .option('--match <word>', msg.help.noteMatch)
    .action(async (id: string, text: string | undefined, options) => {
      const { note } = await import('./commands/progress.js');
      exitCode = await note(contextOf(), id, text, options);
    });
  editCommand('certify', msg.help.certify)
    .argument('<enterprise>', msg.help.enterprise)
    .option('--expires <month>', msg.help.expires)
    .option('--no-expires', msg.help.noExpires)
    .action(async (enterprise: string, options) => {
      const { certify } = await import('./commands/records.js');
      exitCode = await certify(contextOf(), enterprise, options);
    });
  editCommand('target', msg.help.target)
    .argument('<target-id>', msg.help.targetId)
    .argument('<value>', msg.help.value)
    .option('--unit <name>', msg.help.targetUnit)
    .option('--note <text>', msg.help.note)
    .action(async (id: string, value: string, options) => {
      const { target } = await import('./commands/records.js');
      exitCode = await target(contextOf(), id, value, options);
    });
  editCommand('town', msg.help.town)
    .argument('[town]', msg.help.townName)
    .option('--achieved <n>', msg.help.achieved)
    .option('--above-scale <n>', msg.help.aboveScale)
    .option('--from <file>', msg.help.townFrom)
    .action(async (name: string | undefined, options) => {
      if (options.from !== undefined) {
        if (name !== undefined) throw new PlanError(msg.townNameWithFrom);
        const { townsFromCsv } = await import('./commands/town-import.js');
        exitCode = await townsFromCsv(contextOf(), options.from, options);
        return;
      }
      if (name === undefined) throw new PlanError(msg.townNeedsNameOrFrom);
      if (options.achieved === undefined) throw new PlanError(msg.townNeedsAchieved);
      const { town } = await import('./commands/records.js');
      exitCode = await town(contextOf(), name, options);
    });
  program
    .command('season')
    .description(msg.help.season)
    .argument('<name>', msg.help.seasonName)
    .option('--from <date>', msg.help.seasonFrom)
    .option('--to <date>', msg.help.seasonTo)
    .option('--clear', msg.help.seasonClear, false)
    .option('--dry-run', msg.help.dryRun, false)
    .action(async (name: string, options) => {
      const { season } = await import('./commands/season.js');
      exitCode = await season(contextOf(), name, options);
    });
  program
    .command('rename')
    .description(msg.help.rename)
    .addArgument(new Argument('<what>', msg.help.renameKind).choices(['person', 'unit']))
    .argument('<old>', msg.help.renameOld)
    .argument('<new>', msg.help.renameNew)
    .option('--dry-run', msg.help.dryRun, false)
    .action(async (kind: 'person' | 'unit', from: string, to: string, options) => {
      const { rename } = await import('./commands/rename.js');
      exitCode = await rename(contextOf(), kind, from, to, options);
    });

  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    return handleError(error, io, argv.includes('--debug'), msg);
  }
}

function handleError(error: unknown, io: Io, debug: boolean, msg: Messages): ExitCode {
  if (error instanceof CommanderError) {
    // Commander has already printed its message (or the help or the version).
    return error.exitCode === 0 ? EXIT.ok : EXIT.trouble;
  }
  if (error instanceof PlanError) {
    // However long a name from the data or the command line it quotes, an error stays one readable line.
    io.stderr(`plan: ${cappedMessage(error.message)}\n`);
    if (debug && error.stack) io.stderr(`${error.stack}\n`);
    return error.exitCode;
  }
  if (error instanceof IoError) {
    io.stderr(`plan: ${ioFailure(error, msg, io.cwd)}\n`);
    if (debug && error.stack) io.stderr(`${error.stack}\n`);
    return EXIT.trouble;
  }
  const detail = visible(error instanceof Error ? error.message : String(error));
  io.stderr(`plan: ${msg.internalError(detail)}\n`);
  if (debug && error instanceof Error && error.stack) io.stderr(`${error.stack}\n`);
  return EXIT.trouble;
}

/** --width as a number of columns; too narrow a width is refused rather than drawn unreadably. */
function widthOption(value: string | undefined, msg: Messages): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < MIN_WIDTH) throw new PlanError(msg.badWidthOption(value, MIN_WIDTH));
  return Number(value);
}

/** The value of `--name value` or `--name=value`, read before commander so messages use the right language. */
function optionValue(argv: readonly string[], name: string): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') break;
    if (arg === name) return argv[i + 1];
    if (arg.startsWith(`${name}=`)) return arg.slice(name.length + 1);
  }
  return undefined;
}

function readVersion(): string {
  return packageJson.version;
}

/** One line: what could not be done to which file, and why (paths shown relative to the working folder when inside it). */
function ioFailure(error: IoError, msg: Messages, cwd: string): string {
  const shown = error.operation === 'stdout' ? msg.standardOutput : shownPath(cwd, error.path);
  return visible(msg.ioFailed(msg.ioOperation[error.operation] ?? error.operation, shown, msg.ioReason(error.code)));
}

/** Runs the CLI on the real process. */
export async function run(argv: readonly string[]): Promise<ExitCode> {
  const failed = (error: NodeJS.ErrnoException): never => {
    // `plan status | head` closes the pipe early; that is not a failure.
    if (error.code === 'EPIPE') process.exit(EXIT.ok);
    // A full disk (or /dev/full) is: say so in one line, as for any other file.
    const msg = messages(pickLang(optionValue(argv, '--lang'), process.env));
    process.stderr.write(`plan: ${ioFailure(new IoError('stdout', '', error.code ?? String(error)), msg, process.cwd())}\n`);
    process.exit(EXIT.trouble);
  };
  const isTTY = stdoutIsTerminal();
  const writeOut = standardOutput(failed);
  return main(argv, {
    stdout: (text) => writeOut(Buffer.from(text, 'utf8')),
    stdoutBytes: writeOut,
    stderr: (text) => void process.stderr.write(text),
    env: process.env,
    cwd: process.cwd(),
    isTTY,
    columns: isTTY ? process.stdout.columns : undefined,
    now: () => new Date(),
  });
}

/**
 * Whether standard output is a terminal. A pipe or a file is told apart by fstat: Node's tty module
 * loads its network streams, a good part of a short run that is not printing to a terminal.
 */
function stdoutIsTerminal(): boolean {
  try {
    if (!fstatSync(1).isCharacterDevice()) return false;
  } catch {
    return false;
  }
  return Boolean(process.stdout.isTTY);
}

/**
 * Writes to standard output straight to its file descriptor: Node's stdout stream takes longer to
 * set up (it loads the stream modules) than a short report takes to compute. A descriptor that
 * would block (a non-blocking pipe that is full) hands the rest to the stream, which waits.
 */
function standardOutput(failed: (error: NodeJS.ErrnoException) => never): (bytes: Uint8Array) => void {
  let stream: NodeJS.WriteStream | undefined;
  const viaStream = (bytes: Uint8Array) => {
    if (!stream) {
      stream = process.stdout;
      stream.on('error', failed);
    }
    stream.write(bytes);
  };
  return (bytes) => {
    if (stream) return viaStream(bytes);
    let written = 0;
    try {
      while (written < bytes.length) written += writeSync(1, bytes, written);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') failed(error as NodeJS.ErrnoException);
      viaStream(bytes.subarray(written));
    }
  };
}
