// Diagnostics that name the mistake where it is: typing slips, did-you-mean, several problems of
// one file in one run, and dates outside the plan period.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkJson, fixtureFolder, type CheckRow } from './helpers.js';

/** The base folder with 01-aa.yaml edited by `edit`; returns the diagnostics of `plan check`. */
async function checkEdited(edit: (text: string) => string, lang = 'en'): Promise<{ code: number; rows: CheckRow[] }> {
  const cwd = fixtureFolder();
  const file = join(cwd, 'data/domains/01-aa.yaml');
  const before = readFileSync(file, 'utf8');
  const after = edit(before);
  expect(after).not.toBe(before);
  writeFileSync(file, after);
  const { code, rows } = await checkJson(cwd, '--lang', lang);
  return { code, rows };
}

const at = (rows: CheckRow[]) => rows.map((d) => `${d.line}:${d.column} ${d.severity} ${d.rule}`);

describe('typing slips are reported where they are, with the fix', () => {
  it('a Git conflict block, at its <<<<<<< line, naming the other markers', async () => {
    const { code, rows } = await checkEdited((t) =>
      t.replace('    due: 2022-03-30\n', '<<<<<<< HEAD\n    due: 2022-03-30\n=======\n    due: 2022-04-30\n>>>>>>> other\n'),
    );
    expect(at(rows)).toEqual(['21:1 error conflict-marker']);
    expect(rows[0]!.message).toBe(
      'Git conflict marker "<<<<<<< HEAD": a merge left both versions here (the other side after line 23, the end at line 25); keep the right lines and delete the marker lines <<<<<<<, ======= and >>>>>>>',
    );
    expect(code).toBe(1);
  });

  it('a full-width colon after a key, at the colon', async () => {
    const { rows } = await checkEdited((t) => t.replace('    title: 召开现场会', '    title：召开现场会'));
    expect(at(rows)).toEqual(['17:10 error fullwidth-colon']);
    expect(rows[0]!.message).toBe('full-width colon "：" after title: YAML needs the ASCII colon and a space, "title: "');
  });

  it('a missing space after a colon, where the space should be', async () => {
    const { rows } = await checkEdited((t) => t.replace('    due: 2022-03-30', '    due:2022-03-30'));
    expect(at(rows)).toEqual(['21:8 error missing-space']);
    expect(rows[0]!.message).toBe('no space after "due:": YAML reads it as text, not as a key; write "due: " with a space');
  });

  it('both slips in one file, each on its own line', async () => {
    const { rows } = await checkEdited((t) => t.replace('    title: 召开现场会', '    title：召开现场会').replace('    due: 2022-03-30', '    due:2022-03-30'));
    expect(at(rows)).toEqual(['17:10 error fullwidth-colon', '21:8 error missing-space']);
  });

  it('a full-width comma or 、 inside a [...] list, at that character', async () => {
    const { code, rows } = await checkEdited((t) => t.replace('owners: [张伟]\n    leaders', 'owners: [张伟，王芳]\n    leaders').replace('units: [区水利局, 各镇街]', 'units: [区水利局、各镇街]'));
    expect(at(rows).filter((r) => r.endsWith('fullwidth-comma'))).toEqual(['19:16 error fullwidth-comma', '25:17 error fullwidth-comma']);
    expect(rows.find((d) => d.rule === 'fullwidth-comma')!.message).toBe(
      '"，" does not separate list items, so "张伟，王芳" is one item; separate them with an ASCII comma ","',
    );
    expect(code).toBe(1);
  });

  it('says it in Chinese too', async () => {
    const { rows } = await checkEdited((t) => t.replace('    due: 2022-03-30', '    due:2022-03-30'), 'zh');
    expect(rows[0]!.message).toBe('“due:”后面缺少空格：YAML 会把它当作文本而不是键；应写作“due: ”（冒号后加空格）');
  });

  it('leaves a comma inside quotes, and 、 in running text, alone', async () => {
    const { code, rows } = await checkEdited((t) => t.replace('title: 召开现场会', 'title: 召开现场会[甲、乙]').replace('units: [区水利局, 各镇街]', 'units: [区水利局, 各镇街, "甲、乙"]'));
    expect(at(rows)).toEqual(['25:24 error unknown-unit']);
    expect(code).toBe(1);
  });
});

describe('one run reports everything wrong in a file', () => {
  it('a schema error and an unknown owner in the same task', async () => {
    const { rows } = await checkEdited((t) => t.replace('    due: 2022-03-30', '    due: 2022-6-31').replace('owners: [张伟]\n    leaders', 'owners: [王五]\n    leaders'));
    expect(at(rows)).toEqual(['19:14 error unknown-person', '21:10 error schema']);
  });

  it('a wrong completion date does not also count as a missing one', async () => {
    const { rows } = await checkEdited((t) => t.replace('    due: 2022-03-30', '    due: 2022-03-30\n    status: done\n    completed: 2022-3-1'));
    expect(at(rows)).toEqual(['23:16 error schema']);
  });
});

describe('did you mean', () => {
  it('names the person, unit or town an unknown name is closest to', async () => {
    const { rows } = await checkEdited((t) => t.replace('owners: [张伟]\n    leaders', 'owners: [张玮]\n    leaders').replace('units: [区水利局, 各镇街]', 'units: [水利局, 各镇街]'));
    expect(rows.map((d) => d.message)).toEqual([
      '"张玮" is not listed under people in people.yaml; did you mean 张伟?',
      '"水利局" is not listed under units in people.yaml; did you mean 区水利局?',
    ]);
  });

  it('suggests nothing when nothing is close', async () => {
    const { rows } = await checkEdited((t) => t.replace('owners: [张伟]\n    leaders', 'owners: [李四]\n    leaders'));
    expect(rows.map((d) => d.message)).toEqual(['"李四" is not listed under people in people.yaml']);
  });

  it('for towns of enterprises', async () => {
    const cwd = fixtureFolder();
    const file = join(cwd, 'data/enterprises.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('town: 高新区', 'town: 高新'));
    const { rows } = await checkJson(cwd);
    expect(rows.map((d) => d.message)).toEqual(['town "高新" is not listed in towns.yaml; did you mean 高新区?']);
  });
});

describe('dates outside the plan period', () => {
  it.each(['2021-07-31', '2023-07-31', '2202-03-30'])('%s is a warning naming the period', async (date) => {
    const { code, rows } = await checkEdited((t) => t.replace('    due: 2022-03-30', `    due: ${date}`));
    expect(rows.map((d) => `${d.line}:${d.column} ${d.severity} ${d.rule} ${d.message}`)).toEqual([
      `21:10 warning date-range date ${date} is outside the plan period 2022-01-01 – 2022-12-31; check the year`,
    ]);
    expect(code).toBe(0);
  });
});
