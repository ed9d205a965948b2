// One reading of YAML: the fast paths (the block reader, and js-yaml) must give exactly the data the careful path (the
// `yaml` package, whose reading edits use) gives, or decline. Files are generated in the shapes of
// the data files, with the scalars and layouts where the two parsers are known to differ.
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { readBlockYaml } from '../src/load/block-yaml.js';
import { readFast } from '../src/load/fast-path.js';
import { blockOffset, documentOf, offsetOf, type PathSegment, type SourceFile } from '../src/load/source-file.js';

/** The careful reading: the data, or 'error' when the `yaml` package refuses the text. */
function readCarefully(text: string): unknown {
  const file: SourceFile = { path: 'x.yaml', absolutePath: '', kind: 'domain', text, data: undefined };
  const doc = documentOf(file);
  return doc.errors.length > 0 ? 'error' : doc.toJS();
}

// Numbers as the two parsers disagree on them, and their neighbours.
const TRICKY = [
  '-.5', '+.5', '.5', '1.', '-0', '+1', '1e5', '1E-3', '+12.5e+3', '.inf', '-.INF', '.NaN',
  '+0x10', '-0x10', '0x1F', '0x_1F', '0xFF_', '+0o7', '0o7', '0o', '0b11', '-0b1',
  '1__0', '1_0', '-1_000', '12_30', '1_', '_1', '010', '08', '00',
];
// Other plain scalars of the data files.
const PLAIN = [
  '2022-07-31', '2022-6-31', '2022-W53', '2022-Q1', '12:30', '1:30:00', '~', 'null', 'Null', 'true', 'False', 'yes', 'no', 'on',
  'AA-01', '张伟', '召开现场会', '达标率70%以上', 'a#b', '区水利局、各镇街', '说明：见附件', 'it\'s', 'x"y', 'a: b',
];
const QUOTED_TEXT = ['', '张伟', 'a: b', '#', '\\"', '1_0', '-.5', "it''s", '\\t', '\\u4e00'];

const plain = fc.oneof({ weight: 1, arbitrary: fc.constantFrom(...TRICKY) }, { weight: 2, arbitrary: fc.constantFrom(...PLAIN) });
const indent = fc.constantFrom('', ' ', '  ', '    ', '      ', '        ');

/** A quoted scalar, sometimes run over a line break onto a line at some indentation (column 0 too). */
const quoted = fc
  .tuple(fc.constantFrom('"', "'"), fc.constantFrom(...QUOTED_TEXT), fc.option(fc.tuple(indent, fc.constantFrom(...QUOTED_TEXT)), { nil: undefined }))
  .map(([q, a, more]) => {
    const body = (s: string) => (q === "'" ? s.replace(/\\/g, '') : s);
    return more ? `${q}${body(a)}\n${more[0]}${body(more[1])}${q}` : `${q}${body(a)}${q}`;
  });

const scalar = fc.oneof({ weight: 3, arbitrary: plain }, { weight: 1, arbitrary: quoted });

/** A [...] or {...} of scalars, on one line or broken after a comma onto lines at some indentation. */
const flow = fc
  .tuple(fc.boolean(), fc.array(scalar, { minLength: 0, maxLength: 3 }), fc.array(fc.constantFrom(', ', ',', ',\n'), { minLength: 3, maxLength: 3 }), indent)
  .map(([map, items, seps, lineIndent]) => {
    const parts = items.map((item, i) => (map ? `k${i}: ${item}` : item));
    const joined = parts.map((p, i) => (i === 0 ? p : `${seps[i - 1]!.replace('\n', `\n${lineIndent}`)}${p}`)).join('');
    return map ? `{${joined}}` : `[${joined}]`;
  });

/** What may follow a value on its line. */
const trailer = fc.constantFrom('', '', '', '', ' # note', '#note', '  ', ' #', '\t# tab');

const value = fc.oneof({ weight: 3, arbitrary: scalar }, { weight: 2, arbitrary: flow });

/** A domain file: a few top-level keys, then tasks with scalar and flow values. */
const domainFile = fc
  .tuple(
    value,
    fc.array(fc.tuple(value, value, value, trailer, trailer), { minLength: 1, maxLength: 4 }),
    fc.constantFrom('', '# yaml-language-server: $schema=../../schemas/domain.json\n', '# 注释\n'),
  )
  .map(([title, tasks, head]) => {
    const lines = [`${head}id: AA`, `title: ${title}`, 'tasks:'];
    tasks.forEach(([taskTitle, owners, due, t1, t2], i) => {
      lines.push(`  - id: AA-0${i + 1}`, `    title: ${taskTitle}${t1}`, `    owners: ${owners}`, `    due: ${due}${t2}`);
    });
    return lines.join('\n') + '\n';
  });

/** A towns-like file: a list of mappings with numbers. */
const townsFile = fc
  .array(fc.tuple(scalar, value, value, trailer), { minLength: 1, maxLength: 4 })
  .map((towns) => 'towns:\n' + towns.map(([name, total, above, t]) => `  - name: ${name}\n    target_total: ${total}${t}\n    target_above_scale: ${above}\n`).join(''));

describe('the fast path', () => {
  it('reads every generated file exactly as the careful path does, or declines it', () => {
    let agreed = 0;
    fc.assert(
      fc.property(fc.oneof(domainFile, townsFile), (text) => {
        const fast = readFast(text);
        if (fast === undefined) return;
        agreed++;
        expect(readCarefully(text)).toEqual(fast.data);
      }),
      { numRuns: 3000, seed: 15 },
    );
    // The property is worth something only if the fast path still takes most clean files.
    expect(agreed).toBeGreaterThan(100);
  });

  it.each([
    ['a: -.5\n', { a: -0.5 }],
    ['a: +.5\n', { a: 0.5 }],
    ['a: +0x10\n', { a: '+0x10' }],
    ['a: -0x10\n', { a: '-0x10' }],
    ['a: +0o7\n', { a: '+0o7' }],
    ['a: 1__0\n', { a: '1__0' }],
    ['a: 0x_1F\n', { a: '0x_1F' }],
    ['a: {b: 1_0}\n', { a: { b: '1_0' } }],
    ['a: "abc\ndef"\n', 'error'],
    ['title: "x"#note\n', 'error'],
    ['a: [1,\n2]\n', 'error'],
  ])('declines %j, which the careful path reads as %j', (text, careful) => {
    expect(readFast(text)).toBeUndefined();
    expect(readCarefully(text)).toEqual(careful);
  });

  it('still takes clean files in the shape of the data', () => {
    const text = 'id: AA\ntitle: 测试\ntasks:\n  - id: AA-01\n    title: "2."\n    owners: [张伟, 王芳]\n    due: 2022-03-30 # note\n    value: 70\n';
    expect(readFast(text)).toEqual({ data: readCarefully(text) });
  });
});

describe('the block reader', () => {
  const dataDir = fileURLToPath(new URL('../data/', import.meta.url));
  const bundled = ['plan.yaml', 'people.yaml', 'towns.yaml', 'enterprises.yaml', ...readdirSync(join(dataDir, 'domains')).map((f) => `domains/${f}`)];

  it.each(bundled)('takes the bundled %s and reads it as the careful path does', (name) => {
    const text = readFileSync(join(dataDir, name), 'utf8');
    expect(readBlockYaml(text)).toEqual({ data: readCarefully(text) });
  });

  // Keys and scalars of every kind the block reader must read or decline, nested as data files are not.
  const key = fc.oneof(fc.constantFrom('id', 'title', '2022', '2022-Q1', 'a b', '说明', 'x:y', '- a', '#', '"q"', "it's", 'true', '1.5', ''), fc.string({ maxLength: 6 }));
  const leaf = fc.oneof(
    fc.constantFrom(...TRICKY, ...PLAIN),
    fc.string({ maxLength: 12 }),
    fc.constantFrom('line one\nline two', 'trailing\n', 'a\n\n  b\n', ' lead', 'tail ', '\n'),
    fc.integer(),
    fc.double({ noNaN: true }),
    fc.boolean(),
    fc.constant(null),
  );
  const tree = fc.letrec((tie) => ({
    node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, tie('list'), tie('map')),
    list: fc.array(tie('node'), { maxLength: 4 }),
    map: fc.dictionary(key, tie('node'), { maxKeys: 4 }),
  })).map;
  const layout = fc.record({ indent: fc.constantFrom(2, 4), indentSeq: fc.boolean(), flowCollectionPadding: fc.boolean(), lineWidth: fc.constantFrom(0, 20, 80) });

  it('reads what the yaml package writes exactly as the careful path does, or declines it', () => {
    let taken = 0;
    fc.assert(
      fc.property(tree, layout, (value, options) => {
        const text = stringify(value, options);
        const block = readBlockYaml(text);
        if (block === undefined) return;
        taken++;
        expect(block.data).toEqual(readCarefully(text));
      }),
      { numRuns: 2000, seed: 18 },
    );
    // Worth something only if the reader takes a good share of them, though it declines odd keys and text.
    expect(taken).toBeGreaterThan(300);
  });

  it.each([
    ['a: .inf\n', { a: Infinity }],
    ['a: 010\n', { a: 10 }],
    ['a: 1e3\n', { a: 1000 }],
    ['a: -0\n', { a: -0 }],
    ['a: 12345678901234567890\n', { a: 12345678901234567000 }],
    ['a: b\n  c\n', { a: 'b c' }],
    ['a: |+\n  x\n\n', { a: 'x\n\n' }],
    ['a: >\n  x\n  y\n', { a: 'x y\n' }],
    ['a: {b: 1}\n', { a: { b: 1 } }],
    ['- - a\n', [['a']]],
    ['? a\n: b\n', { a: 'b' }],
    ['a: &x 1\nb: *x\n', { a: 1, b: 1 }],
  ])('declines %j, which the careful path reads as %j', (text, careful) => {
    expect(readBlockYaml(text)).toBeUndefined();
    expect(readCarefully(text)).toEqual(careful);
  });

  it.each([
    'a:\n- x\n- y\nb: 1\n',
    'items:\n  - id: A # note\n    text: "x # y" # note\n  -\n    id: B\n',
    "a: 'it''s # not a note'\nb: [x, 'y, z', \"w\"]\nc: []\nd: {}\n",
    'a: |-\n  first\n\n  third\n    indented\nb: |\n  kept\n',
    'k:\n  2022: [2022-03-01, 2022-04-02]\n  "2023": x\n',
    '# head\n\nlist:\n  - 1\n  - -2.5\n  - true\n  - ~\n  -\n',
  ])('takes %j and reads it as the careful path does', (text) => {
    expect(readBlockYaml(text)).toEqual({ data: readCarefully(text) });
  });
});

describe('positions without the yaml package', () => {
  const fileOf = (text: string): SourceFile => ({ path: 'x.yaml', absolutePath: '', kind: 'domain', text, data: undefined });

  /** Every path into a value, and one beside each that is not there. */
  function paths(value: unknown, prefix: PathSegment[] = []): PathSegment[][] {
    const found: PathSegment[][] = [prefix, [...prefix, 'missing']];
    if (Array.isArray(value)) value.forEach((item, i) => found.push(...paths(item, [...prefix, i])));
    else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) found.push(...paths(v, [...prefix, k]));
    return found;
  }

  /** How many positions the block reader gave; each must be the yaml package's. */
  function compare(text: string): number {
    const careful = fileOf(text);
    documentOf(careful);
    const fast = fileOf(text);
    let answered = 0;
    for (const path of paths(documentOf(careful).toJS())) {
      for (const atKey of [false, true]) {
        const offset = blockOffset(fast, path, atKey);
        if (offset === undefined) continue;
        answered++;
        expect([path, atKey, offset]).toEqual([path, atKey, offsetOf(careful, path, atKey)]);
      }
    }
    return answered;
  }

  it('gives every node of the bundled files the offset the yaml package gives', () => {
    const dataDir = fileURLToPath(new URL('../data/', import.meta.url));
    const names = ['plan.yaml', 'people.yaml', 'towns.yaml', 'enterprises.yaml', ...readdirSync(join(dataDir, 'domains')).map((f) => `domains/${f}`)];
    for (const name of names) {
      const text = readFileSync(join(dataDir, name), 'utf8');
      expect(compare(text)).toBeGreaterThan(paths(readBlockYaml(text)!.data).length);
    }
  });

  it('gives the offsets the yaml package gives in what it writes, or none', () => {
    const key = fc.constantFrom('id', 'title', '2022', 'a b', '说明', 'owners');
    const leaf = fc.oneof(fc.constantFrom('x', '张伟', '2022-06-30', 'a # b', "it's"), fc.integer(), fc.boolean(), fc.constant(null), fc.constantFrom('one\ntwo', 'end\n'));
    const tree = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, tie('list'), tie('map')),
      list: fc.array(tie('node'), { maxLength: 3 }),
      map: fc.dictionary(key, tie('node'), { maxKeys: 3 }),
    })).map;
    const layout = fc.record({ indent: fc.constantFrom(2, 4), indentSeq: fc.boolean(), flowCollectionPadding: fc.boolean(), collectionStyle: fc.constantFrom('any', 'block') as fc.Arbitrary<'any' | 'block'> });
    let answered = 0;
    fc.assert(
      fc.property(tree, layout, fc.constantFrom('', '# note\n', '\n# a\n\n'), (value, options, head) => {
        answered += compare(head + stringify(value, options));
      }),
      { numRuns: 500, seed: 18 },
    );
    expect(answered).toBeGreaterThan(1000);
  });

  it('parses a fast-path file with the yaml package only for a position the block reader cannot give', () => {
    const file = fileOf('a:\n  - x\n  - [y, "z"]\nb:\n');
    expect(offsetOf(file, ['a', 1, 1])).toBe('a:\n  - x\n  - [y, '.length);
    expect(file.doc).toBeUndefined();
    offsetOf(file, ['b']);
    expect(file.doc).toBeDefined();
  });
});
