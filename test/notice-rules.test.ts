import { describe, expect, it } from 'vitest';
import { splitNames } from '../src/notice/person-names.js';
import { deadlines, names, ownersIn, recurrence, seasonIn, smallNumber, targets, unitKey } from '../src/notice/rules.js';

const due = (text: string, year = 2022) => deadlines(text, year).map((d) => d.due);

describe('rule deadline', () => {
  it.each([
    ['3月底前完成', ['2022-03-31']],
    ['3月15日前报送', ['2022-03-15']],
    ['6月30日前完成验收', ['2022-06-30']],
    ['上半年完成', ['2022-06-30']],
    ['年底前全面完成', ['2022-12-31']],
    ['年底全面实现“四个清零”', ['2022-12-31']],
    ['到2022年底全区工贸企业全面推行', ['2022-12-31']],
    ['2022年6月底，矿山企业编制率100%', ['2022-06-30']],
    ['4月至12月开展专项整治', ['2022-12-31']],
    ['十一月底前完成', ['2022-11-30']],
    ['1.3月30日前，召开现场会。', ['2022-03-30']],
    ['2月29日前', []], // no such day in 2022
    ['5月12日、10月13日前后开展宣传', ['2022-05-12', '2022-10-13']],
    ['10月份组织开展执法技能比武', ['2022-10-31']],
    ['二季度完成物资轮换补充', ['2022-06-30']],
    ['第三季度末前完成', ['2022-09-30']],
    ['下半年开展化工园区安全风险评估复核', ['2022-12-31']],
    ['全年持续开展，6月组织开展“安全生产月”活动', ['2022-06-30']],
  ])('%s', (text, expected) => expect(due(text)).toEqual(expected));

  it.each([
    ['对2016年以来的重点转移项目开展专项督查'],
    ['对2021年发生的生产安全事故结案后一年内组成事故评估组'],
    ['每月5日前报送'],
    ['全年持续开展'],
    ['按照《2022年3月底前工作方案》执行'],
    ['按“一季度抓开局良好，二季度抓基础夯实”的总体步调来实施'],
    ['通报上季度事故情况，研判本季度安全风险'],
    ['“安全生产月”活动于6月举行的经验'],
    ['力争在前三年的平均数的基础上下降20%'],
  ])('%s has no deadline', (text) => expect(due(text)).toEqual([]));

  it('a date of the plan year counts, one of another year does not', () => {
    expect(due('2023年3月底前完成', 2023)).toEqual(['2023-03-31']);
    expect(due('2022年3月底前完成', 2023)).toEqual([]);
  });

  it('each dated clause says what is due', () => {
    expect(deadlines('2022年5月底前，重点行业完成试点；8月底前，重点行业全面完成；11月底前，所有行业全覆盖。', 2022)).toEqual([
      { due: '2022-05-31', what: '重点行业完成试点', phrase: '2022年5月底前' },
      { due: '2022-08-31', what: '重点行业全面完成', phrase: '8月底前' },
      { due: '2022-11-30', what: '所有行业全覆盖', phrase: '11月底前' },
    ]);
  });

  it('"N月前" is read as the end of the month before, and says it is a guess', () => {
    expect(deadlines('3月前完成', 2022)).toEqual([{ due: '2022-02-28', what: '完成', phrase: '3月前', doubt: '“N月前”读作上月底' }]);
  });
});

describe('rule recurrence', () => {
  const every = (text: string, units: string[] = []) => recurrence(text, units)?.value;
  it.each([
    ['每季度常态化调度安全生产工作', { every: 'quarter' }],
    ['加强“十条措施”季度考核和检查督导', { every: 'quarter' }],
    ['按季度撰写事故分析报告', { every: 'quarter' }],
    ['各企业每月5日前报送本企业开展安全隐患排查', { every: 'month', by_day: 5 }],
    ['严格落实月报制度', { every: 'month' }],
    ['双月统计各单位新闻宣传得分情况', { every: 'two_months' }],
    ['每半年开展一次评估', { every: 'half_year', times: 1 }],
    ['每年组织一次企业安全总工培训', { every: 'year', times: 1 }],
    ['每年至少2次听取森林防灭火工作情况汇报', { every: 'year', minimum: { count: 2 } }],
    ['全年至少开展1次业务培训', { every: 'year', times: 1 }],
    ['全年开展应急演练不少于2次', { every: 'year', minimum: { count: 2 } }],
    ['每季度至少研究1次', { every: 'quarter', times: 1 }],
    ['原则上每季度召开1次联席会议，全年不少于2次', { every: 'quarter', times: 1, minimum: { count: 2, per: 'year' } }],
    ['森林防火期内，气象、林业、应急部门强化会商研判，每周开展一次火险趋势分析', { every: 'week', times: 1, within: '森林防火期' }],
    ['冬春火灾防控期间每周开展一次检查', { every: 'week', times: 1, within: '冬春火灾防控期' }],
  ])('%s', (text, expected) => expect(every(text)).toEqual(expected));

  it('a season in another clause does not bind the cadence', () => {
    expect(every('每年至少2次听取汇报；镇（街道）防火期每月至少专题研究1次')).toEqual({ every: 'year', minimum: { count: 2 } });
  });

  it('每季度末月25日前 is quarterly, and says the day cannot be kept', () => {
    const r = recurrence('每季度末月25日前报送');
    expect(r?.value).toEqual({ every: 'quarter' });
    expect(r?.doubt).toContain('每季度末月25日前');
  });

  it('several bodies with several cadences: the towns\' one, a guess unless the task is the towns\'', () => {
    const text = '采取村（社区）日巡查、镇街周检查、区级部门月抽查的方式';
    expect(recurrence(text, ['各镇街'])).toMatchObject({ value: { every: 'week' } });
    expect(recurrence(text, ['区水利局'])?.doubt).toBeDefined();
  });

  it.each([['每日调度灾害高风险区'], ['制定月、周训练计划'], ['“日周月”隐患排查'], ['全年常态开展']])('%s repeats at no cadence the model has', (text) =>
    expect(recurrence(text)).toBeUndefined(),
  );
});

describe('rule season', () => {
  it.each([
    ['汛前组织专项检查', { name: '汛期', relation: 'before' }],
    ['汛期前完成', { name: '汛期', relation: 'before' }],
    ['汛中组织督战', { name: '汛期', relation: 'within' }],
    ['汛期内加强值守', { name: '汛期', relation: 'within' }],
    ['汛后组织检查', { name: '汛期', relation: 'after' }],
    ['森林防火期内每周巡查', { name: '森林防火期', relation: 'within' }],
    ['冬春火灾防控期间每周检查', { name: '冬春火灾防控期', relation: 'within' }],
    ['主汛期内，严格执行24小时值班', { name: '主汛期', relation: 'within' }],
    ['汛期结束后，组织开展灾害损失核查', { name: '汛期', relation: 'after' }],
    ['强化汛期值班值守', { name: '汛期', relation: 'within' }],
  ])('%s', (text, expected) => expect(seasonIn(text)).toMatchObject(expected));
  it('no season in ordinary words', () => expect(seasonIn('长期抓标准化，定期开展检查')).toBeUndefined());
});

describe('rule owners', () => {
  it.each([
    ['（责任单位：区水利局，各镇街）', { lead: ['区水利局', '各镇街'], supporting: [] }],
    ['（牵头单位：区安委办；配合单位：区委办公室、区政府办公室；完成时限：2023年6月底前）', { lead: ['区安委办'], supporting: ['区委办公室', '区政府办公室'], deadline: '2023年6月底前' }],
    ['（区委组织部、区应急管理局牵头，区安委会各成员单位分工负责）', { lead: ['区委组织部', '区应急管理局'], supporting: ['区安委会各成员单位'] }],
    ['（区安委会办公室会同区各有关部门负责）', { lead: ['区安委会办公室'], supporting: ['区各有关部门'] }],
    ['（责任单位：区防办及防指成员单位）', { lead: ['区防办及防指成员单位'], supporting: [] }],
    ['（市防办负责）', { lead: ['市防办'], supporting: [] }],
    ['（责任单位：市应急局，各县（市、区）政府）', { lead: ['市应急局', '各县（市、区）政府'], supporting: [] }],
    ['（市林业局牵头，市应急局、市气象局配合）', { lead: ['市林业局'], supporting: ['市应急局', '市气象局'] }],
  ])('%s', (text, expected) => expect(ownersIn(`开展工作。${text}`)).toEqual([{ ...expected, phrase: text }]));

  it.each([['铝加工（深井铸造）、涉爆粉尘（以下简称“三类”）'], ['（此件公开发布）'], ['（深井铸造负责）']])('%s names no owner', (text) => {
    expect(ownersIn(text)).toEqual([]);
  });

  it('spellings of one unit share a key; different units do not', () => {
    expect(unitKey('区应急局')).toBe(unitKey('区应急管理局'));
    expect(unitKey('区防指各成员单位')).toBe(unitKey('防指成员单位'));
    expect(unitKey('各镇（街道）')).toBe(unitKey('各镇街'));
    expect(unitKey('区水利局')).not.toBe(unitKey('区应急局'));
  });

  it('lists of names split at the marks the genre uses', () => expect(names('区水利局、区住房城乡建委，各镇街等')).toEqual(['区水利局', '区住房城乡建委', '各镇街']));
  it('a mark inside a name\'s parentheses does not split it', () => expect(names('各县（市、区）政府、市应急局')).toEqual(['各县（市、区）政府', '市应急局']));
});

describe('rule target', () => {
  const read = (text: string) => targets(text).map((t) => ({ direction: t.direction, value: t.value, unit: t.unit, ...(t.baseline ? { baseline: t.baseline } : {}) }));
  it.each([
    ['全区规上工业企业安全生产标准化达标率70%以上', [{ direction: 'at_least', value: 70, unit: '%' }]],
    ['确保受灾困难群众“五有”生活保障率达到100%', [{ direction: 'at_least', value: 100, unit: '%' }]],
    ['森林火灾受害率稳定控制在0.3‰以内', [{ direction: 'at_most', value: 0.3, unit: '‰' }]],
    ['亿元GDP死亡率控制在0.015以下', [{ direction: 'at_most', value: 0.015, unit: undefined }]],
    ['全区事故死亡人数力争在前三年的平均数的基础上下降20%', [{ direction: 'reduce_by', value: 20, unit: '%', baseline: '前三年的平均数' }]],
    [
      '事故起数和死亡人数同比分别下降10%以上',
      [
        { direction: 'reduce_by', value: 10, unit: '%', baseline: '同比' },
        { direction: 'reduce_by', value: 10, unit: '%', baseline: '同比' },
      ],
    ],
    ['全年生产安全事故死亡人数同比持续下降', [{ direction: 'decrease', value: undefined, unit: undefined, baseline: '同比' }]],
    ['坚决遏制较大及以上事故', [{ direction: 'zero', value: undefined, unit: undefined }]],
    ['杜绝较大以上亡人事故', [{ direction: 'zero', value: undefined, unit: undefined }]],
    ['实现高风险储罐区清零', [{ direction: 'zero', value: undefined, unit: undefined }]],
    ['不达标“零新增”', [{ direction: 'zero', value: undefined, unit: undefined }]],
    ['实际控制人每月在生产现场安全履职不得少于10个工作日', [{ direction: 'at_least', value: 10, unit: '工作日' }]],
    ['开展安全宣传活动不少于200场次', [{ direction: 'at_least', value: 200, unit: '场次' }]],
    ['改造30公里农村公路安全设施', [{ direction: 'at_least', value: 30, unit: '公里' }]],
    ['全区打造5个示范点', [{ direction: 'at_least', value: 5, unit: '个' }]],
    ['暴雨过程预报准确度由90%提高到92%', [{ direction: 'at_least', value: 92, unit: '%', baseline: '90%' }]],
    ['中小河流预报的准确度提高至0.5米', [{ direction: 'at_most', value: 0.5, unit: '米' }]],
    ['较大及以上生产安全事故零发生', [{ direction: 'zero', value: undefined, unit: undefined }]],
    ['确保水库不垮坝、重要堤防不决口', [{ direction: 'zero', value: undefined, unit: undefined }]],
    ['城区应急救援力量接警后30分钟内到达现场', [{ direction: 'at_most', value: 30, unit: '分钟' }]],
    ['年内建成直升机临时起降点5个', [{ direction: 'at_least', value: 5, unit: '个' }]],
    [
      '年内争创全国综合减灾示范社区2个、市级综合减灾示范社区5个',
      [
        { direction: 'at_least', value: 2, unit: '个' },
        { direction: 'at_least', value: 5, unit: '个' },
      ],
    ],
    [
      '矿山企业重点岗位“两单两卡”编制率100%、应知应会率100%',
      [
        { direction: 'at_least', value: 100, unit: '%' },
        { direction: 'at_least', value: 100, unit: '%' },
      ],
    ],
  ])('%s', (text, expected) => expect(read(text)).toEqual(expected));

  it.each([['各镇街打造本辖区“五进”示范点各 1个'], ['鹤鸣区、青湖区、兰泽县各新建Ⅰ类应急避难场所1个']])('%s is a figure for each unit', (text) => {
    expect(targets(text)).toMatchObject([{ direction: 'at_least', value: 1, unit: '个', perUnit: true }]);
  });

  it.each([
    ['开展“执法清零”和“执法量提升”行动'],
    ['鼓励从业人员300人以上的工贸其他行业领域积极投保'],
    ['坚决杜绝漏报、瞒报、虚报、拖报问题发生'],
    ['组织开展1次救助应急演练'],
    ['（以下简称“四涉一有限一使用”）'],
  ])('%s sets no target', (text) => expect(targets(text)).toEqual([]));
});

describe('names in a table cell', () => {
  it.each([
    ['李凭李继川', ['李凭', '李继川']],
    ['杞金祥廖炜伊冯一丹', ['杞金祥', '廖炜伊', '冯一丹']],
    ['李凭 李继川', ['李凭', '李继川']],
    ['冯一丹', ['冯一丹']],
    ['欧阳明李华', ['欧阳明', '李华']],
  ])('%s', (cell, expected) => expect(splitNames(cell).names).toEqual(expected));

  it('a run of names that cuts two ways is a guess', () => {
    const split = splitNames('王华林李明');
    expect(split.names.join('')).toBe('王华林李明');
    expect(split.doubt).toBeDefined();
  });

  it('small numbers in Chinese', () => {
    expect([smallNumber('三'), smallNumber('十'), smallNumber('十二'), smallNumber('二十'), smallNumber('12'), smallNumber('百')]).toEqual([3, 10, 12, 20, 12, undefined]);
  });
});
