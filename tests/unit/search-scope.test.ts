import { describe, expect, it } from 'vitest';
import { mergeEngineHits, planSearches } from '../../src/lib/search/plan.ts';
import { readPinyin } from '../../src/lib/search/query.ts';
import { agencyLabels, scopeAttempts, scopeKeys, scopeQuery } from '../../src/lib/search/scope.ts';

const keys = scopeKeys({
  agencies: [
    { id: 'minhang-police', shortName: '闵行公安分局', name: '上海市公安局闵行分局' },
    { id: 'haidian-police', shortName: '海淀公安分局', name: '北京市公安局海淀分局' },
    { id: 'hebei-police', shortName: '河北公安分局', name: '天津市公安局河北分局' },
    { id: 'jingan-police', shortName: '静安公安分局', name: '上海市公安局静安分局' },
  ],
  years: [2024, 2021, 2020],
});

describe('scoped queries', () => {
  it('turns place, agency and year words into filters and keeps the topic', () => {
    expect(scopeQuery('海淀公安分局2024年矛盾纠纷', keys)).toEqual({
      filters: { agency: 'haidian-police', year: '2024' },
      topic: '矛盾纠纷',
      partOnly: false,
    });
    expect(scopeQuery('2020年河北区 主题教育', keys).filters).toEqual({
      agency: 'hebei-police',
      year: '2020',
    });
    expect(scopeQuery('一网通办 闵行 2021年', keys)).toMatchObject({
      filters: { agency: 'minhang-police', year: '2021' },
      topic: '一网通办',
    });
  });

  it('reads a part name as the part filter, landing on the part itself when nothing else is asked', () => {
    expect(scopeQuery('静安 2021 存在的不足', keys)).toEqual({
      filters: { agency: 'jingan-police', year: '2021', part: '不足' },
      topic: '',
      partOnly: true,
    });
    expect(scopeQuery('闵行 下步工作打算 执法', keys)).toMatchObject({
      filters: { part: '下步打算' },
      topic: '执法',
      partOnly: false,
    });
  });

  it('leaves dates, unknown years and unscoped queries alone', () => {
    expect(scopeQuery('2021年11月15日', keys)).toMatchObject({
      filters: {},
      topic: '2021年11月15日',
    });
    expect(scopeQuery('2019年 执法', keys)).toMatchObject({ filters: {}, topic: '2019年 执法' });
    expect(scopeQuery('一网通办', keys)).toEqual({
      filters: {},
      topic: '一网通办',
      partOnly: false,
    });
  });

  it('names no agency by a place two agencies share', () => {
    const shared = scopeKeys({
      agencies: [
        { id: 'a', shortName: '朝阳公安分局', name: '北京市公安局朝阳分局' },
        { id: 'b', shortName: '朝阳公安分局', name: '辽宁省朝阳市公安局' },
      ],
      years: [],
    });
    expect(scopeQuery('朝阳 执法', shared).filters).toEqual({});
    expect(scopeQuery('北京市公安局朝阳分局 执法', shared).filters).toEqual({ agency: 'a' });
  });

  it('names an agency by a shared place written with its city', () => {
    const shared = scopeKeys({
      agencies: [
        { id: 'chaoyang-police', shortName: '朝阳公安分局', name: '北京市公安局朝阳分局' },
        {
          id: 'changchun-chaoyang-police',
          shortName: '朝阳公安分局',
          name: '长春市公安局朝阳分局',
        },
      ],
      years: [2021],
    });
    for (const [query, id] of [
      ['长春市朝阳区 2021 矛盾纠纷', 'changchun-chaoyang-police'],
      ['长春朝阳 2021 矛盾纠纷', 'changchun-chaoyang-police'],
      ['北京朝阳区2021年矛盾纠纷', 'chaoyang-police'],
      ['北京朝阳公安分局2021年矛盾纠纷', 'chaoyang-police'],
    ] as const)
      expect(scopeQuery(query, shared)).toEqual({
        filters: { agency: id, year: '2021' },
        topic: '矛盾纠纷',
        partOnly: false,
      });
    expect(scopeQuery('朝阳区 2021 矛盾纠纷', shared).filters).toEqual({ year: '2021' });
  });

  it('falls back to the part words as text, then to the whole query, the reader’s own filters winning', () => {
    const attempts = scopeAttempts('闵行 2021 存在的问题 执法', keys, { year: '2020' });
    expect(attempts).toEqual([
      {
        text: '执法',
        filters: { agency: 'minhang-police', year: '2020', part: '不足' },
        partOnly: false,
      },
      {
        text: '存在的问题 执法',
        filters: { agency: 'minhang-police', year: '2020' },
        partOnly: false,
      },
      { text: '闵行 2021 存在的问题 执法', filters: { year: '2020' }, partOnly: false },
    ]);
  });

  it('labels agencies by short name, adding the region only where short names repeat', () => {
    const labels = agencyLabels([
      { id: 'a', shortName: '朝阳公安分局', name: '北京市公安局朝阳分局' },
      { id: 'b', shortName: '朝阳公安分局', name: '辽宁省朝阳市公安局' },
      { id: 'c', shortName: '闵行公安分局', name: '上海市公安局闵行分局' },
    ]);
    expect([...labels]).toEqual([
      ['a', '朝阳公安分局（北京市）'],
      ['b', '朝阳公安分局（辽宁省）'],
      ['c', '闵行公安分局'],
    ]);
  });
});

describe('engine searches', () => {
  it('searches the wordings, then their phrases and longer words', () => {
    const searches = planSearches(['交通 隐患']);
    expect(searches[0]).toBe('交通 隐患');
    expect(searches).toContain('交通');
    expect(searches).toContain('隐患');
  });

  it('counts every section the wordings find, not a window, and orders by the searches that found them', () => {
    const many = Array.from({ length: 252 }, (_, i) => ({ id: `r${i}` }));
    const { hits, count } = mergeEngineHits(
      ['一网通办', '通办'],
      [many, [{ id: 'x' }, { id: 'r5' }]],
      1,
    );
    expect(count).toBe(252);
    expect(hits[0]!.result.id).toBe('r5');
    expect(hits).toHaveLength(253);
    expect(mergeEngineHits(['甲乙', '甲'], [[], [{ id: 'y' }]], 1).count).toBe(1);
  });
});

describe('pinyin initials and prefixes', () => {
  const lexicon = {
    spell: {
      yiwangtongban: ['一网通办'],
      yi: ['一'],
      wang: ['网'],
      zhifa: ['执法'],
      jiandu: ['监督'],
      zhifajiandu: ['执法监督'],
    },
    initials: { ywtb: ['一网通办'], zf: ['执法'] },
  };

  it('reads a full spelling, initials, or the start of a spelling', () => {
    expect(readPinyin('yiwangtongban', lexicon)).toEqual({ text: '一网通办', how: 'spell' });
    expect(readPinyin('ywtb', lexicon)).toEqual({ text: '一网通办', how: 'initials' });
    expect(readPinyin('yiwang', lexicon)).toEqual({ text: '一网通办', how: 'prefix' });
    expect(readPinyin('zhifaj', lexicon)).toEqual({ text: '执法监督', how: 'prefix' });
    expect(readPinyin('zhifa jiandu', lexicon)).toEqual({ text: '执法 监督', how: 'spell' });
    expect(readPinyin('qq', lexicon)).toBeUndefined();
  });
});
