import { describe, expect, it } from 'vitest';
import { draftOf } from '../src/notice/draft.js';

/**
 * The notice reader on text no notice holds: pieces of the genre shuffled at random (a fixed seed),
 * and lines built to make regular expressions backtrack. It must read every one without throwing,
 * in work that grows with the text (the test's own time limit stands guard).
 */
const PIECES = ['（', '）', '(', ')', '责任单位：', '1.', '一、', '（一）', '一是', '每月', '5日前', '3月底前', '达标率', '100%', '，', '。', '、', '\n', '\t', '各1个', '不少于', '汛前', '防火期内', '年底', '由', '提高到', '杜绝', '事故', '清零', '附件1', '序号', '工作任务', ' ', '关于印发', '的通知', '2022年4月6日', '工作要点', '牵头', '会同', '负责', '李凭', '《', '》'];

describe('the notice reader on hostile text', () => {
  it('reads 300 random shuffles of the genre\'s pieces without throwing', () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < 300; i++) {
      let text = '';
      const n = 100 + Math.floor(random() * 2000);
      for (let k = 0; k < n; k++) text += PIECES[Math.floor(random() * PIECES.length)];
      const draft = draftOf(text);
      // Whatever it read is traced to a line of the text.
      const lines = text.split('\n').length;
      for (const task of draft.domains.flatMap((d) => d.tasks)) expect(task.line).toBeLessThanOrEqual(lines);
    }
  });

  it.each([
    ['unclosed parentheses', '1.做。' + '（'.repeat(20000)],
    ['nested parentheses', '1.做。' + '（a（b）'.repeat(5000)],
    ['owner parentheses by the thousand', '1.做。' + '（责任单位：区应急局、区水利局）'.repeat(20000)],
    ['a rate without a comma for 90,000 characters', '1.做。' + '达标率'.repeat(30000) + '100%'],
    ['a 50,000-digit figure', '1.做。' + '1'.repeat(50000) + '%'],
    ['a verb far from its count', '1.做。' + '打造' + '示'.repeat(50000) + '1个'],
    ['dates by the thousand in one sentence', '1.做' + '3月底前、'.repeat(30000) + '。'],
    ['unclosed titles', '1.做。' + '《'.repeat(50000)],
    ['a cell of 5,000 surnames', '附件1\n表\n\t序号\n\t工作任务\n\t责任人\n\n\t1\n\t任务\n\t' + '李'.repeat(5000)],
  ])('reads %s', (_name, body) => {
    const draft = draftOf(`关于印发工作要点的通知\n2022年4月6日\n${body}`);
    expect(draft.domains.flatMap((d) => d.tasks).length).toBe(1);
  });

  it('reads 20,000 tasks, one after another', () => {
    const text = Array.from({ length: 20000 }, (_, i) => `${i + 1}.任务${i}。每月开展。（责任单位：区应急局）`).join('\n');
    const draft = draftOf(`关于印发工作要点的通知\n2022年4月6日\n${text}`);
    const tasks = draft.domains.flatMap((d) => d.tasks);
    expect(tasks).toHaveLength(20000);
    expect(tasks.every((t) => t.recurrence?.value.every === 'month' && t.units?.value[0] === '区应急局')).toBe(true);
  });
});
