import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSynonyms } from '../../src/data/synonyms.ts';
import {
  buildPinyinData,
  buildPinyinLexicon,
  traditionalCharsFor,
} from '../../src/node/pinyin-lexicon.ts';
import {
  expandSynonyms,
  hasTraditional,
  looksLikePinyin,
  MAX_QUERY_LENGTH,
  normaliseDates,
  normaliseQuery,
  pinyinLettersNeeded,
  pinyinToHan,
  readPinyin,
  splitPinyinLexicon,
  stripQuestion,
  type PinyinLexicon,
} from '../../src/lib/search/query.ts';
import {
  markPieces,
  parseOffsets,
  rankSections,
  type SectionCandidate,
} from '../../src/lib/search/rank.ts';
import { recordContent } from '../../src/node/page-records.ts';
import { toSimplified } from '../../src/lib/search/traditional.ts';
import { scratchDir } from '../support/scratch.ts';

describe('query normalisation', () => {
  it('folds width and case, drops control characters and collapses spaces', () => {
    expect(normaliseQuery('  ＡＢＣ１２３\u0000　 执法\t监督 ')).toBe('abc123 执法 监督');
  });

  it('cuts a very long query instead of failing', () => {
    expect([...normaliseQuery('法'.repeat(500))]).toHaveLength(MAX_QUERY_LENGTH);
    expect(normaliseQuery('')).toBe('');
  });

  it('turns dates written with separators into the reports’ form', () => {
    for (const typed of [
      '2023-11-15',
      '2023.11.15',
      '2023/11/15',
      '2023／11／15',
      '2023年11月15号',
    ]) {
      expect(normaliseDates(normaliseQuery(typed))).toBe('2023年11月15日');
    }
    expect(normaliseDates('2023-03-05')).toBe('2023年3月5日');
    expect(normaliseDates('2023-11')).toBe('2023年11月');
    expect(normaliseDates('开工 2023.11.15 建设')).toBe('开工 2023年11月15日 建设');
  });

  it('leaves figures that only look like dates alone', () => {
    for (const figure of ['2.4亿', '30.5', '2023-13-01', '1.7亿元', '12.31'])
      expect(normaliseDates(figure)).toBe(figure);
  });

  it('drops question words at the ends of a question', () => {
    expect(stripQuestion('如何提升执法水平')).toBe('提升执法水平');
    expect(stripQuestion('交通事故下降了吗')).toBe('交通事故下降');
    expect(stripQuestion('怎样优化营商环境？')).toBe('优化营商环境');
    expect(stripQuestion('如何')).toBe('如何');
    expect(stripQuestion('了解情况')).toBe('了解情况');
  });

  it('converts Traditional characters to Simplified', () => {
    const chars = traditionalCharsFor('诈骗执法监督一网通办');
    for (const [traditional, simplified] of [
      ['詐騙', '诈骗'],
      ['執法監督', '执法监督'],
      ['一網通辦', '一网通办'],
    ] as const) {
      expect(hasTraditional(traditional, chars)).toBe(true);
      expect(toSimplified(traditional)).toBe(simplified);
    }
    expect(hasTraditional('执法监督', chars)).toBe(false);
    expect(hasTraditional('詐騙', '')).toBe(false);
  });
});

describe('synonyms', () => {
  const groups = [
    { term: '电信网络诈骗', aliases: ['反诈', '电诈'] },
    { term: '下步', aliases: ['下一步'] },
  ];

  it('replaces an alias by the term and the term by its aliases, the query first', () => {
    expect(expandSynonyms('反诈宣传', groups)).toEqual([
      '反诈宣传',
      '电信网络诈骗宣传',
      '电诈宣传',
    ]);
    expect(expandSynonyms('下一步打算', groups)).toEqual(['下一步打算', '下步打算']);
    expect(expandSynonyms('电信网络诈骗', groups)).toEqual(['电信网络诈骗', '反诈', '电诈']);
    expect(expandSynonyms('营商环境', groups)).toEqual(['营商环境']);
  });

  it('reads the publishers’ list and explains mistakes in Chinese, naming file and field', async () => {
    const dir = scratchDir('fzzf-synonyms-');
    const good = path.join(dir, 'good.yml');
    writeFileSync(good, '- term: 电信网络诈骗\n  aliases: [反诈, 电诈]\n');
    expect(await readSynonyms(good, dir)).toEqual({
      groups: [{ term: '电信网络诈骗', aliases: ['反诈', '电诈'] }],
      issues: [],
    });

    const bad = path.join(dir, 'bad.yml');
    writeFileSync(
      bad,
      '- term: 反诈\n  aliases: []\n- term: 下步\n  aliases: [反诈]\n- aliases: [x]\n',
    );
    const { issues } = await readSynonyms(bad, dir);
    expect(issues.map((issue) => [issue.file, issue.field])).toEqual([
      ['bad.yml', '第 1 组 aliases'],
      ['bad.yml', '第 3 组 term'],
    ]);
    expect(issues[0]!.expected).toMatch(/至少写一个别称/);

    const duplicate = path.join(dir, 'duplicate.yml');
    writeFileSync(duplicate, '- term: 反诈\n  aliases: [电诈]\n- term: 下步\n  aliases: [反诈]\n');
    const dup = await readSynonyms(duplicate, dir);
    expect(dup.issues).toHaveLength(1);
    expect(dup.issues[0]).toMatchObject({
      file: 'duplicate.yml',
      field: '第 2 组 aliases（第 1 项）',
    });
    expect(dup.issues[0]!.expected).toContain('已出现在第 1 组');

    const broken = path.join(dir, 'broken.yml');
    writeFileSync(broken, '- term: [\n');
    expect((await readSynonyms(broken, dir)).issues).toMatchInlineSnapshot(`
      [
        {
          "expected": "每组写成“- term: 用语”，下一行“  aliases: [别称一, 别称二]”，缩进用空格",
          "field": "（整个文件）",
          "file": "broken.yml",
          "found": "无法读取这一行",
          "line": 2,
        },
      ]
    `);
    expect(await readSynonyms(path.join(dir, 'missing.yml'), dir)).toEqual({
      groups: [],
      issues: [],
    });
  });
});

describe('pinyin', () => {
  const lexicon = buildPinyinLexicon([
    '持续深化公安服务“一网通办”，公安服务一网通办。深化公安“放管服”改革。加大执法监督力度，扩大执法监督覆盖面。积极做好南翔山姆会员店安全保障。',
  ]);

  it('spells pinyin back into the terms of the corpus', () => {
    expect(pinyinToHan('yiwangtongban', lexicon)).toBe('一网通办');
    expect(pinyinToHan('fangguanfu', lexicon)).toBe('放管服');
    expect(pinyinToHan('zhifajiandu', lexicon)).toBe('执法监督');
    expect(pinyinToHan('zhifa jiandu', lexicon)).toBe('执法 监督');
    expect(pinyinToHan('shanmu', lexicon)).toBe('山姆');
  });

  it('gives up on letters that spell nothing in the corpus', () => {
    expect(pinyinToHan('qwrtz', lexicon)).toBeUndefined();
    expect(pinyinToHan('', lexicon)).toBeUndefined();
    expect(looksLikePinyin('yiwangtongban')).toBe(true);
    expect(looksLikePinyin('一网')).toBe(false);
    expect(looksLikePinyin('2023')).toBe(false);
  });

  it('counts a run as recurring across texts, however often it repeats', () => {
    // 执法监督 is two words to the segmenter: only its recurrence makes it one term.
    expect(buildPinyinLexicon(['执法监督。'])['zhifajiandu']).toBeUndefined();
    expect(buildPinyinLexicon(['执法监督。', '加强执法监督。'])['zhifajiandu']).toEqual([
      '执法监督',
    ]);
    expect(buildPinyinLexicon(['执法监督。执法监督。'])['zhifajiandu']).toEqual(['执法监督']);
    // A longer run that occurs as often as a shorter one inside it replaces it.
    const closed = buildPinyinLexicon(['严格执法监督。', '严格执法监督。']);
    expect(closed['yangezhifajiandu']).toEqual(['严格执法监督']);
    expect(closed['zhifajiandu']).toBeUndefined();
  });

  it('reads a query from the letter files it asks for as it would from the whole lexicon', () => {
    const whole = buildPinyinData([
      '持续深化公安服务“一网通办”，公安服务一网通办。深化公安“放管服”改革。加大执法监督力度，扩大执法监督覆盖面。',
    ]);
    const parts = splitPinyinLexicon(whole);
    for (const [letter, part] of parts)
      for (const key of [...Object.keys(part.spell), ...Object.keys(part.initials)])
        expect(key[0]).toBe(letter);
    for (const query of ['yiwangtongban', 'ywtb', 'yiwang', 'zhifa jiandu', 'fangguanfujiandu']) {
      const merged: PinyinLexicon = { spell: {}, initials: {} };
      const loaded = new Set<string>();
      for (;;) {
        const letters = [...pinyinLettersNeeded(query, merged)].filter((l) => !loaded.has(l));
        if (!letters.length) break;
        for (const letter of letters) {
          loaded.add(letter);
          Object.assign(merged.spell, parts.get(letter)?.spell);
          Object.assign(merged.initials, parts.get(letter)?.initials);
        }
      }
      expect(readPinyin(query, merged), query).toEqual(readPinyin(query, whole));
      expect(loaded.size, query).toBeLessThan(parts.size);
    }
    // Only the letters the spelling reaches: yi… then wang… then tong… then ban…
    const loaded = pinyinLettersNeeded('yiwangtongban', whole);
    expect([...loaded]).toEqual(['y', 'w', 't', 'b']);
  });

  it('keeps the lexicon to terms of the corpus', () => {
    expect(Object.values(lexicon).flat()).not.toContain('通办公');
    expect(lexicon['yiwangtongban']).toEqual(['一网通办']);
  });
});

function candidate(
  id: string,
  heading: string,
  paragraphs: string[],
  engineRank = 0,
): SectionCandidate {
  const { content, offsets } = recordContent({
    heading,
    paragraphs: paragraphs.map((text, i) => ({ id: `${id}-p${i + 1}`, text })),
  });
  return {
    url: `/reports/r/#${id}`,
    heading,
    content,
    paragraphs: parseOffsets(offsets),
    engineRank,
  };
}

describe('ranking', () => {
  const common = candidate(
    's1',
    '（一）大家的事',
    ['家家户户、千家万户，大家一家人，家风家教，家庭和睦，国家安全，专家会诊，大家派出代表。'],
    0,
  );
  const whole = candidate(
    's2',
    '（二）推进法治公安建设',
    ['新建成4家派出所示范案管室，扩大执法监督覆盖面。'],
    1,
  );
  const heading = candidate('s3', '（三）强化执法监督制约', ['不断加大力度，防范风险。'], 2);
  const later = candidate('s4', '（四）其他', ['第一段没有要找的词。', '第二段写到执法监督。'], 3);

  it('puts the section holding the whole term above one full of a common character', () => {
    const ranked = rankSections([common, whole], ['4家派出所']);
    expect(ranked.map((r) => r.candidate.url)).toEqual(['/reports/r/#s2', '/reports/r/#s1']);
  });

  it('puts a match in the heading above a match in the text', () => {
    const ranked = rankSections([whole, later, heading], ['执法监督']);
    expect(ranked[0]!.candidate.url).toBe('/reports/r/#s3');
  });

  it('leads to the paragraph holding the match, or to the section when it is the first', () => {
    const ranked = rankSections([later, whole], ['执法监督']);
    expect(ranked.find((r) => r.candidate === later)!.href).toBe('/reports/r/#s4-p2');
    expect(ranked.find((r) => r.candidate === whole)!.href).toBe('/reports/r/#s2');
  });

  it('prefers sections holding every phrase typed, then terms adjacent as typed', () => {
    const both = candidate('a', '甲', ['排查整改交通设施隐患。']);
    const one = candidate('b', '乙', ['交通组织、交通执法、交通安全。'], 0);
    expect(rankSections([one, both], ['交通 隐患'])[0]!.candidate.heading).toBe('甲');
    const adjacent = candidate('c', '丙', ['推动交通事故数持续下降。']);
    const apart = candidate('d', '丁', ['交通顺畅，事故处理，数量下降。'], 0);
    expect(rankSections([apart, adjacent], ['交通事故下降'])[0]!.candidate.heading).toBe('丙');
  });

  it('takes the best of the query’s wordings and drops sections matching none', () => {
    const ranked = rankSections([common, whole, heading], ['电诈', '执法监督']);
    expect(ranked.map((r) => r.candidate.heading)).toEqual([
      '（三）强化执法监督制约',
      '（二）推进法治公安建设',
    ]);
    expect(rankSections([common, whole], ['🚓👮🏻‍♀️🔍'])).toEqual([]);
    // Sharing single characters with a longer phrase is no match: 一 and 网 of 一网通办 here.
    const scattered = candidate('x', '戊', ['统一部署电信网络防控，办实事。']);
    expect(rankSections([scattered], ['一网通办'])).toEqual([]);
    expect(rankSections([scattered], ['网'])).toHaveLength(1);
  });

  it('ignores punctuation and width when matching, as readers do not type them', () => {
    const quoted = candidate('q', '（五）', [
      '落实好“谁办案、谁负责，谁审核、谁负责”的要求，补缴税款2.4亿元。',
    ]);
    expect(rankSections([quoted], ['谁办案谁负责'])).toHaveLength(1);
    expect(rankSections([quoted], ['２.４亿'])).toHaveLength(1);
  });

  it('marks the pieces in excerpts as text, whatever the text holds', () => {
    expect(markPieces('新建成4家派出所示范', ['4家派出所'])).toEqual([
      { text: '新建成', marked: false },
      { text: '4家派出所', marked: true },
      { text: '示范', marked: false },
    ]);
    expect(markPieces('<script>alert(1)</script>', ['script'])).toEqual([
      { text: '<', marked: false },
      { text: 'script', marked: true },
      { text: '>alert(1)</', marked: false },
      { text: 'script', marked: true },
      { text: '>', marked: false },
    ]);
    expect(markPieces('警车🚓出动', ['🚓'])).toEqual([{ text: '警车🚓出动', marked: false }]);
  });
});
