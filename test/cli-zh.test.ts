import { describe, expect, it } from 'vitest';
import { displayWidth } from '../src/render/text.js';
import { fixtureFolder, runCli } from './helpers.js';

const ZH = { PLAN_LANG: 'zh' };
const zh = (args: string[], columns?: number) => runCli(args, { env: ZH, cwd: fixtureFolder(), ...(columns !== undefined && { columns }) });

/** The commands listed in `plan --help`, read from the help itself so that new commands are walked too. */
async function commandNames(): Promise<string[]> {
  const { stdout } = await zh(['--help']);
  const section = stdout.split('命令：\n')[1] ?? '';
  return [...section.matchAll(/^ {2}([a-z][a-z-]*) /gm)].map((m) => m[1]!);
}

interface CommandShape {
  name: string;
  help: string;
  /** Long options taking a value, with their choices when they have some. */
  valued: { flag: string; choices: string[] }[];
  arguments: number;
}

async function shapeOf(name: string): Promise<CommandShape> {
  const { stdout: help } = await zh([...(name ? [name] : []), '--help']);
  const valued = [...help.matchAll(/^ {2}(?:-\w, )?(--[a-z-]+) <[^>]+>(.*(?:\n {6,}.*)*)/gm)].map((m) => ({
    flag: m[1]!,
    choices: /可选：([^；）]+)/.exec(m[2]!.replace(/\n\s+/g, ''))?.[1]!.split('、') ?? [],
  }));
  const usage = help.split('\n')[0]!;
  return { name, help, valued, arguments: (usage.match(/<[^>]+>/g) ?? []).length };
}

/**
 * Words of English left in a text. Allowed: option names and command names (typed as they are),
 * the choices of options and other codes meant to be typed (listed), file and folder names, and
 * codes in capitals or with digits (GM-04, YYYY-MM-DD, CSV, UTF-8, E001).
 */
function englishWords(text: string, allowed: ReadonlySet<string>): string[] {
  const stripped = text
    .replace(/(?:\w+\/)?[\w.-]*\.yaml|\.\/\w+|\w+\/\*/g, ' ')
    .replace(/--?[a-z][a-z-]*/g, ' ')
    .replace(/\$[A-Z_]+/g, ' ');
  return [...stripped.matchAll(/[A-Za-z][A-Za-z0-9_]*/g)]
    .map((m) => m[0])
    .filter((w) => w !== w.toUpperCase() && !/\d/.test(w) && !allowed.has(w));
}

// Codes a user types that appear in help texts: item states (--status) and the owner "unassigned";
// and the words this test types, which errors quote back.
const TYPED = ['taks', 'frobnicate', 'fr', 'nonsense', 'x0', 'x1', 'x2', 'x3'];
const CODES = [...TYPED, 'plan', 'done', 'late', 'todo', 'overdue', 'due_soon', 'open', 'blocked', 'cancelled', 'done_on_time', 'done_late', 'before_notice', 'doing', 'unassigned', 'person', 'unit'];

describe('the command line in Chinese', () => {
  it('lists every command in the top-level help', async () => {
    const names = await commandNames();
    expect(names).toEqual(expect.arrayContaining(['check', 'status', 'tasks', 'owners', 'owner', 'compliance', 'report', 'export', 'done', 'start', 'block', 'reopen', 'note', 'certify', 'target', 'town']));
  });

  it('has no English in any help or parser error, outside names and codes that are typed', async () => {
    const names = await commandNames();
    const shapes = await Promise.all(names.map(shapeOf));
    const global = await shapeOf('');
    const allowed = new Set([...names, ...CODES, ...[global, ...shapes].flatMap((s) => s.valued.flatMap((v) => v.choices))]);
    const outputs: [string, string][] = [];
    const record = async (args: string[]) => {
      const result = await zh(args);
      outputs.push([args.join(' '), result.stdout + result.stderr]);
      return result;
    };
    await record(['--help']);
    await record([]);
    await record(['taks']);
    await record(['frobnicate']);
    await record(['--bogus']);
    await record(['--lang', 'fr', 'status']);
    for (const shape of shapes) {
      outputs.push([`${shape.name} --help`, shape.help]);
      await record([shape.name, '--bogus']);
      await record([shape.name, '--forma']);
      await record([shape.name, ...Array.from({ length: shape.arguments + 1 }, (_, i) => `x${i}`)]);
      if (shape.arguments > 0) await record([shape.name]);
      for (const option of shape.valued) {
        await record([shape.name, option.flag]);
        if (option.choices.length > 0) await record([shape.name, option.flag, 'nonsense']);
      }
    }
    const english = outputs.flatMap(([args, text]) => englishWords(text, allowed).map((w) => `${args}: ${w}`));
    expect(english).toEqual([]);
    expect(outputs.length).toBeGreaterThan(50);
  });

  it('wraps help to the terminal width by display width', async () => {
    for (const columns of [80, 60]) {
      for (const name of ['', ...(await commandNames())]) {
        const { stdout } = await zh([...(name ? [name] : []), '--help'], columns);
        const widest = Math.max(...stdout.split('\n').map(displayWidth));
        expect(widest, `${name} --help at ${columns} columns`).toBeLessThanOrEqual(columns);
      }
    }
  });

  it('breaks Chinese lines between characters, not before closing punctuation', async () => {
    const { stdout } = await zh(['check', '--help'], 60);
    expect(stdout.split('\n').every((line) => !/^\s+[，。、；：）]/.test(line))).toBe(true);
  });

  it('names an unknown option, with the nearest one', async () => {
    expect(await zh(['tasks', '--overdu'])).toMatchObject({ code: 2, stdout: '', stderr: 'plan: 没有选项 --overdu（是否要用 --overdue？）\n' });
  });

  it('names an unknown command, with the nearest one', async () => {
    expect(await zh(['taks'])).toMatchObject({ code: 2, stderr: 'plan: 没有命令“taks”（是否要用 tasks？）（全部命令见 plan --help）\n' });
  });

  it('names a missing argument in Chinese', async () => {
    expect(await zh(['done'])).toMatchObject({ code: 2, stderr: 'plan: done 缺少参数 <编号>（见 plan done --help）\n' });
  });

  it('names a missing required option', async () => {
    expect(await zh(['town', '旧县街道'])).toMatchObject({ code: 2, stderr: 'plan: 写了镇街名称就需要 --achieved（或用 --from 文件.csv 一次录入所有镇街）\n' });
  });

  it('names an option whose value is missing', async () => {
    expect(await zh(['status', '--as-of'])).toMatchObject({ code: 2, stderr: 'plan: 选项 --as-of 后面缺少值（应写作 --as-of <日期>）\n' });
  });

  it('lists the choices of an invalid value', async () => {
    expect(await zh(['status', '--format', 'xml'])).toMatchObject({ code: 2, stderr: 'plan: 选项 --format 的值“xml”无效：可选 text、json\n' });
  });

  it('refuses an invalid --lang in the language of the environment', async () => {
    expect(await zh(['status', '--lang', 'fr'])).toMatchObject({ code: 2, stderr: 'plan: 选项 --lang 的值“fr”无效：可选 zh、en\n' });
  });

  it('counts excess arguments and shows them', async () => {
    expect(await zh(['note', 'GM-04', '已', '完成'])).toMatchObject({
      code: 2,
      stderr: 'plan: note 只需要 2 个参数，实际给了 3 个（GM-04 已 完成）；含空格的文字请加引号\n',
    });
  });

  it('translates headings, placeholders and defaults in help', async () => {
    const { stdout } = await zh(['owner', '--help']);
    expect(stdout.startsWith('用法： plan owner [选项] <名称>\n\n')).toBe(true);
    expect(stdout).toMatch(/\n参数：\n  名称 +people\.yaml 中的人员或单位名称/);
    expect(stdout).toMatch(/\n选项：\n  --as-of <日期> +统计截止日期/);
    expect(stdout).toMatch(/\n  --format <格式> +输出格式（可选：text、json；默认：text）\n/);
    expect(stdout).toMatch(/\n  -h, --help +显示帮助\n$/);
  });
});

describe('the command line in English', () => {
  it('keeps commander\'s own messages', async () => {
    const en = (args: string[]) => runCli(args, { cwd: fixtureFolder() });
    expect((await en(['taks'])).stderr).toBe("error: unknown command 'taks'\n(Did you mean tasks?)\n");
    expect((await en(['tasks', '--overdu'])).stderr).toBe("error: unknown option '--overdu'\n(Did you mean --overdue?)\n");
    expect((await en(['done'])).stderr).toBe("error: missing required argument 'id'\n");
    expect((await en(['status', '--format', 'xml'])).stderr).toBe("error: option '--format <format>' argument 'xml' is invalid. Allowed choices are text, json.\n");
    expect((await en(['note', 'a', 'b', 'c'])).stderr).toBe("error: too many arguments for 'note'. Expected 2 arguments but got 3.\n");
    expect((await en(['block', 'x'])).stderr).toBe("error: required option '--reason <text>' not specified\n");
    expect((await en(['status', '--as-of'])).stderr).toBe("error: option '--as-of <date>' argument missing\n");
  });

  it('keeps commander\'s help layout', async () => {
    const { stdout } = await runCli(['owner', '--help'], { cwd: fixtureFolder() });
    expect(stdout).toContain('Usage: plan owner [options] <name>\n');
    expect(stdout).toMatch(/\n  --format <format> +output format \(choices: "text", "json", default: "text"\)\n/);
  });
});

describe('confirmations in Chinese', () => {
  it('name the new status in words, not its code', async () => {
    const cwd = fixtureFolder();
    const now = new Date('2022-07-01T04:00:00Z');
    expect((await runCli(['start', 'AA-01'], { cwd, env: ZH, now })).stdout).toBe('AA-01 状态改为 进行中，自 2022-07-01 开始（data/domains/01-aa.yaml）\n');
    expect((await runCli(['block', 'AA-01', '--reason', '等待上级文件'], { cwd, env: ZH, now })).stdout).toBe('AA-01 状态改为 受阻，自 2022-07-01 起（data/domains/01-aa.yaml）\n');
    expect((await runCli(['start', 'AA-02'], { cwd, now })).stdout).toBe('AA-02 is now doing, started on 2022-07-01 (data/domains/01-aa.yaml)\n');
  });
});
