import { chmodSync, mkdirSync, readFileSync, rmSync, statSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkJson, fixtureFolder, runCli, type CheckRow } from './helpers.js';

interface Case {
  overlay: string;
  exitCode: number;
  /** `file:line:column severity rule` of every diagnostic, in output order. */
  problems: string[];
  /** The exact messages of the important ones, by their index in `problems`. */
  messages?: Record<number, string>;
}


const where = (rows: CheckRow[]) => rows.map((d) => `${d.file}:${d.line}:${d.column} ${d.severity} ${d.rule}`);

const UTF16 = 'file is saved as UTF-16; re-save it as UTF-8 (Notepad: Save As, Encoding UTF-8; or iconv -f UTF-16 -t UTF-8)';
const DEEP = 'nesting is more than 64 levels deep here; deeper nesting is refused';
const plainText = (word: string) => `; ${word} is plain text in YAML 1.2, not true/false (only true and false are booleans)`;
const UNKNOWN = 'is ignored (expected plan.yaml, people.yaml, towns.yaml, enterprises.yaml, domains/*.yaml)';

// Broken data folders: test/fixtures/hardening/<case>/ laid over test/fixtures/base.
const cases: Case[] = [
  // YAML syntax: each at the place to fix, in words a person can act on.
  {
    overlay: 'bad-indentation',
    exitCode: 1,
    problems: ['data/domains/01-aa.yaml:7:7 error yaml-syntax'],
    messages: { 0: 'YAML syntax: this line is indented differently from the keys above it' },
  },
  {
    overlay: 'tab-indentation',
    exitCode: 1,
    problems: ['data/domains/01-aa.yaml:6:1 error yaml-syntax'],
    messages: { 0: 'YAML syntax: tabs are not allowed for indentation; indent with spaces' },
  },
  {
    overlay: 'unclosed-quote',
    exitCode: 1,
    problems: ['data/domains/01-aa.yaml:5:12 error yaml-syntax'],
    messages: { 0: 'YAML syntax: this quote is never closed; add the closing quote where the text ends' },
  },
  {
    overlay: 'unclosed-bracket',
    exitCode: 1,
    problems: ['data/domains/01-aa.yaml:7:13 error yaml-syntax'],
    messages: { 0: 'YAML syntax: this [ is never closed; add the ] where the list or mapping ends' },
  },
  {
    overlay: 'stray-dash',
    exitCode: 1,
    problems: ['data/domains/01-aa.yaml:8:5 error yaml-syntax'],
    messages: { 0: 'YAML syntax: a list item ("- ") cannot start here; check its indentation against the lines above' },
  },
  {
    overlay: 'colon-in-value',
    exitCode: 1,
    problems: ['data/domains/01-aa.yaml:5:12 error yaml-syntax'],
    messages: { 0: 'YAML syntax: a value that contains ": " must be put in quotes (or this line is mis-indented)' },
  },
  {
    overlay: 'two-documents',
    exitCode: 1,
    problems: ['data/people.yaml:9:1 error yaml-syntax'],
    messages: { 0: 'YAML syntax: a data file holds one document; remove the extra "---"' },
  },
  {
    overlay: 'control-character',
    exitCode: 1,
    problems: ['data/domains/01-aa.yaml:5:14 error yaml-syntax'],
    messages: { 0: 'YAML syntax: invisible control character U+001B here; YAML does not allow it: delete it (or write it as an escape in double quotes)' },
  },
  // Shapes.
  { overlay: 'only-comments', exitCode: 1, problems: ['data/domains/01-aa.yaml:1:1 error schema'], messages: { 0: 'file has only comments and no data' } },
  {
    overlay: 'list-for-mapping',
    exitCode: 1,
    problems: ['data/plan.yaml:5:3 error schema', 'data/towns.yaml:1:1 error schema'],
    messages: { 0: 'must be a mapping (key: value), found a list', 1: 'must be a mapping (key: value), found a list' },
  },
  {
    overlay: 'mapping-for-list',
    exitCode: 1,
    problems: ['data/domains/01-aa.yaml:4:3 error schema'],
    messages: { 0: 'must be a list, found a mapping (key: value)' },
  },
  { overlay: 'self-alias', exitCode: 1, problems: ['data/domains/01-aa.yaml:4:5 error schema'] },
  // YAML 1.1 surprises: read as YAML 1.2, and said so where it matters.
  {
    overlay: 'yes-no-on-off',
    exitCode: 1,
    problems: [
      'data/enterprises.yaml:5:13 error schema',
      'data/enterprises.yaml:9:13 error schema',
      'data/towns.yaml:3:19 error schema',
      'data/towns.yaml:4:25 error schema',
    ],
    messages: {
      0: `must be one of not_started, applying, certified, revoked, found "yes"${plainText('yes')}`,
      1: `must be one of not_started, applying, certified, revoked, found "off"${plainText('off')}`,
      2: `must be a whole number / empty (null), found "on"${plainText('on')}`,
      3: `must be a whole number / empty (null), found "no"${plainText('no')}`,
    },
  },
  {
    overlay: 'date-forms',
    exitCode: 1,
    problems: ['data/domains/01-aa.yaml:8:10 error schema', 'data/domains/01-aa.yaml:13:10 error schema', 'data/domains/01-aa.yaml:15:16 error schema'],
    messages: {
      0: '"2022-3-5" is not a real calendar date written YYYY-MM-DD; write it as 2022-03-05',
      1: '"2022-02-30" is not a real calendar date written YYYY-MM-DD',
      2: '"2022/06/01" is not a real calendar date written YYYY-MM-DD; write it as 2022-06-01',
    },
  },
  {
    overlay: 'leading-zero',
    exitCode: 0,
    problems: ['data/domains/02-bb.yaml:10:15 warning leading-zero', 'data/towns.yaml:3:19 warning leading-zero', 'data/towns.yaml:4:25 warning leading-zero'],
    messages: {
      0: '05 was read as the number 5, without its leading zero; write 5, or "05" in quotes if it is text',
      1: '08 was read as the number 8, without its leading zero; write 8, or "08" in quotes if it is text',
    },
  },
  {
    overlay: 'unquoted-time',
    exitCode: 1,
    problems: ['data/domains/01-aa.yaml:8:10 error schema', 'data/domains/01-aa.yaml:11:15 error schema'],
    messages: { 0: '"12:30" is not a real calendar date written YYYY-MM-DD', 1: 'must be a whole number, found "09:30"' },
  },
  { overlay: 'yaml11-text', exitCode: 0, problems: [] },
  {
    overlay: 'yaml11-directive',
    exitCode: 0,
    problems: ['data/plan.yaml:1:1 warning yaml-syntax'],
    messages: { 0: '%YAML 1.1 is ignored: data files are read as YAML 1.2 (yes and no are text, 010 is 10)' },
  },
  {
    overlay: 'yaml-tags',
    exitCode: 0,
    problems: ['data/domains/01-aa.yaml:5:12 warning yaml-syntax', 'data/domains/01-aa.yaml:8:10 warning yaml-syntax'],
    messages: { 0: 'the tag !!binary is not supported and is ignored; remove it', 1: 'the tag !!timestamp is not supported and is ignored; remove it' },
  },
  // Encodings.
  { overlay: 'bom-crlf-all', exitCode: 0, problems: [] },
  {
    overlay: 'gbk',
    exitCode: 1,
    problems: ['data/domains/01-aa.yaml:2:8 error encoding'],
    messages: {
      0: 'not valid UTF-8 at byte 14; the file looks like GBK/GB18030: re-save it as UTF-8 (Notepad: Save As, Encoding UTF-8; or iconv -f GB18030 -t UTF-8)',
    },
  },
  {
    overlay: 'utf16',
    exitCode: 1,
    // little-endian without a byte-order mark, little-endian with one, big-endian with one
    problems: ['data/domains/01-aa.yaml:1:1 error encoding', 'data/people.yaml:1:1 error encoding', 'data/towns.yaml:1:1 error encoding'],
    messages: { 0: UTF16, 1: UTF16, 2: UTF16 },
  },
  // Resource limits.
  {
    overlay: 'alias-bomb',
    exitCode: 1,
    problems: ['data/domains/01-aa.yaml:14:9 error yaml-syntax'],
    messages: { 0: 'alias *j expands to too many values (a "billion laughs" document?); at most 100 alias expansions are allowed' },
  },
  {
    overlay: 'alias-chain',
    exitCode: 1,
    problems: ['data/domains/01-aa.yaml:3004:13 error yaml-syntax'],
    messages: { 0: 'alias *a2998 expands to too many values (a "billion laughs" document?); at most 100 alias expansions are allowed' },
  },
  { overlay: 'deep-flow', exitCode: 1, problems: ['data/domains/01-aa.yaml:4:71 error yaml-syntax'], messages: { 0: DEEP } },
  { overlay: 'deep-block', exitCode: 1, problems: ['data/domains/01-aa.yaml:1:129 error yaml-syntax'], messages: { 0: DEEP } },
  { overlay: 'deep-mapping', exitCode: 1, problems: ['data/domains/01-aa.yaml:4:198 error yaml-syntax'], messages: { 0: DEEP } },
  // Keys that would reach Object.prototype if assigned naively: refused in every file kind, at every level.
  {
    overlay: 'proto-keys',
    exitCode: 1,
    problems: [
      'data/domains/01-aa.yaml:3:1 error schema',
      // A recurring duty with a due date and milestones: read by nothing, so refused.
      'data/domains/01-aa.yaml:9:5 error recurring-deadline',
      'data/domains/01-aa.yaml:13:9 error schema',
      'data/domains/01-aa.yaml:14:5 error recurring-deadline',
      'data/domains/01-aa.yaml:18:9 error schema',
      'data/enterprises.yaml:6:5 error schema',
      'data/enterprises.yaml:7:1 error schema',
      'data/people.yaml:4:5 error schema',
      'data/people.yaml:11:1 error schema',
      'data/plan.yaml:7:3 error schema',
      'data/plan.yaml:8:1 error schema',
      'data/towns.yaml:6:5 error schema',
      'data/towns.yaml:10:1 error schema',
    ],
    messages: {
      0: 'key "__proto__" is not allowed',
      4: 'unknown key "constructor" (allowed: id, title, due, completed, notes)',
      8: 'key "prototype" is not allowed',
      9: 'unknown key "__proto__" (allowed: start, end)',
    },
  },
  // Files and folders.
  {
    overlay: 'missing-files',
    exitCode: 1,
    problems: ['data/people.yaml:1:1 error missing-file', 'data/plan.yaml:1:1 error missing-file'],
    messages: { 0: 'required file people.yaml is missing (plan init starts a new data folder with every file)', 1: 'required file plan.yaml is missing (plan init starts a new data folder with every file)' },
  },
  {
    overlay: 'folder-for-file',
    exitCode: 1,
    problems: ['data/domains/02-bb.yaml:1:1 error io'],
    messages: { 0: 'domains/02-bb.yaml is a folder, not a file' },
  },
  {
    overlay: 'unknown-files',
    exitCode: 0,
    problems: [
      'data/constructor:1:1 warning unknown-file',
      'data/domains/readme.txt:1:1 warning unknown-file',
      'data/extra:1:1 warning unknown-file',
      'data/notes.md:1:1 warning unknown-file',
      'data/plan.yml:1:1 warning unknown-file',
      'data/toString:1:1 warning unknown-file',
    ],
    messages: {
      0: `unknown file constructor ${UNKNOWN}`,
      1: `unknown file domains/readme.txt ${UNKNOWN}`,
      4: 'plan.yml is not read: the file must be named plan.yaml',
      5: `unknown file toString ${UNKNOWN}`,
    },
  },
];

describe('broken data folders', () => {
  it.each(cases)('$overlay: exit $exitCode with the exact diagnostics', async ({ overlay, exitCode, problems, messages }) => {
    const { code, rows, stderr } = await checkJson(fixtureFolder(`hardening/${overlay}`));
    expect(where(rows)).toEqual(problems);
    for (const [index, message] of Object.entries(messages ?? {})) expect(rows[Number(index)]?.message).toBe(message);
    expect(code).toBe(exitCode);
    expect(stderr).toBe('');
  });

  it('never prints a stack trace, and every error names a line that is in its file', async () => {
    for (const { overlay } of cases) {
      const cwd = fixtureFolder(`hardening/${overlay}`);
      const text = await runCli(['check'], { cwd });
      expect(text.stdout + text.stderr).not.toContain('\n    at ');
      for (const row of (await checkJson(cwd)).rows) {
        let lines = 1;
        try {
          const content = readFileSync(join(cwd, row.file), 'utf8');
          lines = Math.max(1, content.split('\n').length - (content.endsWith('\n') ? 1 : 0));
        } catch {
          // A missing file, a folder: line 1 is all there is.
        }
        expect(row.line, `${overlay}: ${row.file}:${row.line}`).toBeGreaterThanOrEqual(1);
        expect(row.line, `${overlay}: ${row.file}:${row.line}`).toBeLessThanOrEqual(lines);
      }
    }
  });

  it('points the caret at the opening quote, aligned under Chinese text', async () => {
    const result = await runCli(['check'], { cwd: fixtureFolder('hardening/unclosed-quote') });
    expect(result.stdout.split('\n').slice(0, 3)).toEqual([
      'data/domains/01-aa.yaml:5:12  error  YAML syntax: this quote is never closed; add the closing quote where the text ends  [yaml-syntax]',
      '5 |     title: "召开现场会',
      '  |            ^',
    ]);
  });

  it('says it in Chinese too', async () => {
    const zh = async (overlay: string) => (await runCli(['check', '--lang', 'zh', '--format', 'json'], { cwd: fixtureFolder(`hardening/${overlay}`) })).stdout;
    expect(JSON.parse(await zh('leading-zero'))[1].message).toBe('08 被读作数字 8，前导零已丢失；请写作 8，如是文字请加引号写作 "08"');
    expect(JSON.parse(await zh('gbk'))[0].message).toContain('GBK/GB18030');
    expect(JSON.parse(await zh('deep-flow'))[0].message).toBe('此处嵌套超过 64 层，不予读取');
    expect(JSON.parse(await zh('stray-dash'))[0].message).toBe('YAML 语法错误：此处不能开始列表项（“- ”），请对照上面几行检查缩进');
  });

  it('fails a folder with only warnings under --strict', async () => {
    expect((await checkJson(fixtureFolder('hardening/leading-zero'), '--strict')).code).toBe(1);
    expect((await checkJson(fixtureFolder('hardening/unknown-files'), '--strict')).code).toBe(1);
  });

  it('keeps yes, no, on, off, 08, 12:30 and 2022-3-5 as the text they are in text fields: nothing is lost', async () => {
    const result = await runCli(['export'], { cwd: fixtureFolder('hardening/yaml11-text') });
    expect(result.code).toBe(0);
    const task = (JSON.parse(result.stdout) as { domains: { tasks: Record<string, unknown>[] }[] }).domains[0]!.tasks[0]!;
    expect(task).toMatchObject({ section: 'no', number: '08', title: '12:30', text: 'yes' });
    expect((task.notes as { text: string }[]).map((n) => n.text)).toEqual(['on', '2022-3-5', 'off']);
    const directive = await runCli(['export'], { cwd: fixtureFolder('hardening/yaml11-directive') });
    expect((JSON.parse(directive.stdout) as { plan: { title: unknown } }).plan.title).toBe('yes');
  });

  it('reads a folder saved with a byte-order mark and CRLF everywhere, and an edit keeps both, and the permissions', async () => {
    const cwd = fixtureFolder('hardening/bom-crlf-all');
    expect((await runCli(['status', '--as-of', '2022-06-30'], { cwd })).code).toBe(0);
    const path = join(cwd, 'data/domains/01-aa.yaml');
    chmodSync(path, 0o600);
    const result = await runCli(['done', 'AA-01', '--on', '2022-03-20', '--note', '已完成'], { cwd });
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const bytes = readFileSync(path);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text).toContain('    status: done\r\n    completed: 2022-03-20\r\n');
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect((await checkJson(cwd)).rows).toEqual([]);
  });
});

describe('files that are not what they should be', () => {
  const io = (file: string, message: string) => ({ file, line: 1, column: 1, severity: 'error', rule: 'io', message });

  it('a folder where towns.yaml belongs', async () => {
    const cwd = fixtureFolder();
    rmSync(join(cwd, 'data/towns.yaml'));
    mkdirSync(join(cwd, 'data/towns.yaml'));
    expect(await checkJson(cwd)).toEqual({ code: 1, rows: [io('data/towns.yaml', 'towns.yaml is a folder, not a file')], stderr: '' });
  });

  it('a file where the domains folder belongs', async () => {
    const cwd = fixtureFolder();
    rmSync(join(cwd, 'data/domains'), { recursive: true });
    writeFileSync(join(cwd, 'data/domains'), 'id: AA\n');
    expect(await checkJson(cwd)).toEqual({
      code: 1,
      rows: [io('data/domains', 'domains is a file, not a folder: the domain files go in a folder named domains/')],
      stderr: '',
    });
  });

  it('a symlink loop, a link to nowhere, a FIFO and a device', async () => {
    const cwd = fixtureFolder();
    const domains = join(cwd, 'data/domains');
    symlinkSync('loop.yaml', join(domains, 'loop.yaml'));
    symlinkSync('gone.yaml', join(domains, '02-gone.yaml'));
    symlinkSync('/dev/zero', join(domains, '04-zero.yaml'));
    const fifo = spawnSync('mkfifo', [join(domains, '03-fifo.yaml')]).status === 0;
    // Reading a FIFO or /dev/zero would hang or never end: they are refused without reading (a
    // hang fails by the test's time limit; how fast a run is belongs to the benchmark).
    const result = await checkJson(cwd);
    expect(result.rows).toEqual([
      io('data/domains/02-gone.yaml', 'cannot read domains/02-gone.yaml: it does not exist (a symbolic link to a missing file?)'),
      ...(fifo ? [io('data/domains/03-fifo.yaml', 'domains/03-fifo.yaml is not a regular file (a device, FIFO or socket); only regular files are read')] : []),
      io('data/domains/04-zero.yaml', 'domains/04-zero.yaml is not a regular file (a device, FIFO or socket); only regular files are read'),
      io('data/domains/loop.yaml', 'cannot read domains/loop.yaml: it is a symbolic link that leads back to itself (a link loop)'),
    ]);
    expect(result.code).toBe(1);
  });

  // Root reads a file whatever its permissions, so there is nothing to test as root.
  it.skipIf(process.getuid?.() === 0)('an unreadable file and an unreadable domains folder', async () => {
    const cwd = fixtureFolder();
    chmodSync(join(cwd, 'data/plan.yaml'), 0o000);
    chmodSync(join(cwd, 'data/domains'), 0o000);
    try {
      const reason = 'permission denied; check the permissions of the file and its folders';
      expect(await checkJson(cwd)).toEqual({
        code: 1,
        rows: [io('data/domains', `cannot read domains: ${reason}`), io('data/plan.yaml', `cannot read plan.yaml: ${reason}`)],
        stderr: '',
      });
    } finally {
      chmodSync(join(cwd, 'data/domains'), 0o755);
    }
  });

  it('refuses a 50 MB file without reading it', async () => {
    const cwd = fixtureFolder();
    const path = join(cwd, 'data/domains/02-big.yaml');
    writeFileSync(path, 'id: BB\n');
    truncateSync(path, 50 * 1024 * 1024);
    const before = process.memoryUsage().rss;
    const result = await checkJson(cwd);
    expect(process.memoryUsage().rss - before).toBeLessThan(40 * 1024 * 1024);
    expect(result).toEqual({ code: 1, rows: [io('data/domains/02-big.yaml', 'file is 50 MB; files over 32 MB are refused')], stderr: '' });
    rmSync(path);
  });
});

describe('documents built to exhaust the parser', () => {
  // Parsing deeply nested documents recurses once per level; twice in one process, that can abort Node.
  // Every one is refused before any parser sees it, quickly and in little memory, one after another here.
  it.each(['alias-bomb', 'alias-chain', 'deep-flow', 'deep-block', 'deep-mapping', 'deep-flow', 'deep-block', 'deep-mapping'])(
    '%s is refused without growing the heap',
    async (overlay) => {
      const cwd = fixtureFolder(`hardening/${overlay}`);
      const before = process.memoryUsage().heapUsed;
      const { code, rows } = await checkJson(cwd);
      expect(code).toBe(1);
      expect(rows).toHaveLength(1);
      expect(process.memoryUsage().heapUsed - before).toBeLessThan(200 * 1024 * 1024);
      // Commands that need the data stop at the same place, with exit 1.
      expect((await runCli(['status'], { cwd })).code).toBe(1);
    },
  );

  it('refuses a deep file even when it is 20 MB of brackets, hides its brackets after a stray quote, or nests by broken keys', async () => {
    const cwd = fixtureFolder();
    const big = join(cwd, 'data/domains/02-bb.yaml');
    writeFileSync(big, `id: BB\ntitle: x\ntasks: []\ngoals: ${'['.repeat(10_000_000)}${']'.repeat(10_000_000)}\n`);
    const sneaky = join(cwd, 'data/domains/03-cc.yaml');
    // A naive scanner takes the " for an open quote and skips the brackets after it; the parser does not.
    writeFileSync(sneaky, `id: CC\ntitle: 说明\n  "引用\ntasks: []\ngoals: ${'['.repeat(5000)}${']'.repeat(5000)}\n`);
    // Broken text nests too: in a flow list each "a: " opens a mapping inside the last.
    writeFileSync(join(cwd, 'data/domains/04-dd.yaml'), `id: DD\ntitle: x\ntasks: []\ngoals: [: , ${'a: '.repeat(100)}]\n`);
    const { rows } = await checkJson(cwd);
    expect(where(rows)).toEqual([
      'data/domains/02-bb.yaml:4:71 error yaml-syntax',
      'data/domains/03-cc.yaml:5:71 error yaml-syntax',
      'data/domains/04-dd.yaml:4:203 error yaml-syntax',
    ]);
  });
});

describe('prototype keys', () => {
  it('pollute nothing, whichever parser reads them and whatever command runs', async () => {
    const cwd = fixtureFolder('hardening/proto-keys');
    for (const args of [['check'], ['status'], ['tasks'], ['export'], ['done', 'AA-01']]) {
      const result = await runCli(args, { cwd });
      expect(result.code).toBe(1);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(Object.getOwnPropertyNames(Object.prototype)).not.toContain('polluted');
  });
});
