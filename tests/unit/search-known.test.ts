import { describe, expect, it } from 'vitest';
import type { SearchScopeData } from '../../src/lib/search/index-contract.ts';
import { KnownSections, knownMatches, typedAttempt } from '../../src/lib/search/known.ts';
import { parseOffsets, type SectionCandidate } from '../../src/lib/search/rank.ts';
import { scopeKeys } from '../../src/lib/search/scope.ts';
import { recordContent } from '../../src/node/page-records.ts';

function section(id: string, heading: string, text: string, engineRank = 0): SectionCandidate {
  const { content, offsets } = recordContent({ heading, paragraphs: [{ id: `${id}-p1`, text }] });
  return {
    url: `/reports/r/#${id}`,
    heading,
    content,
    paragraphs: parseOffsets(offsets),
    engineRank,
  };
}

const whole = section('s1', '（一）推进一网通办', '政务服务一网通办全面推开。', 0);
const inText = section('s2', '（二）优化服务', '依托一网通办平台办理业务。', 1);
const prefixOnly = section('s3', '（三）一网通管', '城市运行一网统管、一网通达。', 2);
const scattered = section('s4', '（四）其他', '统一部署电信网络防控，办实事。', 3);

describe('suggestions from sections already fetched', () => {
  it('keeps only sections holding the whole query, ranked as the engine answer is ranked', () => {
    const shown = knownMatches([scattered, prefixOnly, inText, whole], '一网通办', 5);
    expect(shown.map((r) => r.candidate.heading)).toEqual(['（一）推进一网通办', '（二）优化服务']);
    expect(shown[0]!.pieces).toEqual(['一网通办']);
  });

  it('needs every phrase of a query of several words, and stops at the limit', () => {
    const both = section('s5', '（五）服务', '一网通办，证明材料减少。', 4);
    const shown = knownMatches([whole, inText, both], '一网通办 证明', 5);
    expect(shown.map((r) => r.candidate.heading)).toEqual(['（五）服务']);
    expect(knownMatches([whole, inText, both], '一网通办', 2)).toHaveLength(2);
  });

  it('shows a section once however many searches fetched it, and nothing for no words', () => {
    expect(knownMatches([whole, { ...whole, engineRank: 7 }], '一网通办', 5)).toHaveLength(1);
    expect(knownMatches([whole], '，', 5)).toEqual([]);
    expect(knownMatches([], '一网通办', 5)).toEqual([]);
  });
});

describe('the sections a search box keeps', () => {
  const attempt = { text: '一网通办', filters: {} };

  it('answers only from sections found within the same filters', () => {
    const known = new KnownSections<SectionCandidate>();
    known.remember({ agency: 'minhang-police' }, [whole]);
    expect(known.matching(attempt, 5)).toEqual([]);
    known.remember({}, [inText]);
    expect(known.matching(attempt, 5).map((r) => r.candidate)).toEqual([inText]);
    const scoped = { text: '一网通办', filters: { year: '2021', agency: 'minhang-police' } };
    known.remember({ agency: 'minhang-police', year: '2021' }, [whole]);
    expect(known.matching(scoped, 5).map((r) => r.candidate)).toEqual([whole]);
  });

  it('forgets the oldest sections past its limit', () => {
    const known = new KnownSections<SectionCandidate>(2);
    known.remember({}, [whole, inText]);
    known.remember({}, [section('s6', '（六）新', '一网通办再提速。')]);
    expect(
      known
        .matching(attempt, 5)
        .map((r) => r.candidate.url)
        .sort(),
    ).toEqual(['/reports/r/#s2', '/reports/r/#s6']);
    // Fetched again: newest once more, so the next one pushes another out.
    known.remember({}, [inText]);
    known.remember({}, [whole]);
    expect(
      known
        .matching(attempt, 5)
        .map((r) => r.candidate.url)
        .sort(),
    ).toEqual(['/reports/r/#s1', '/reports/r/#s2']);
  });
});

describe('the query the engine searches as typed', () => {
  const scope: SearchScopeData = {
    agencies: [
      {
        id: 'minhang-police',
        shortName: '闵行公安分局',
        name: '上海市公安局闵行分局',
        years: [2021],
      },
    ],
    years: [2021, 2020],
    traditional: '辦網',
  };
  const keys = scopeKeys(scope);

  it('is the topic within the filters the query names', () => {
    expect(typedAttempt('一网通办', scope, keys)).toEqual({ text: '一网通办', filters: {} });
    expect(typedAttempt('  一网通办？', scope, keys)).toEqual({ text: '一网通办', filters: {} });
    expect(typedAttempt('2020年 一网通办', scope, keys)).toEqual({
      text: '一网通办',
      filters: { year: '2020' },
    });
  });

  it('is nothing for queries read another way first: pinyin, Traditional, a named report, scope words', () => {
    expect(typedAttempt('yiwangtongban', scope, keys)).toBeUndefined();
    expect(typedAttempt('一網通辦', scope, keys)).toBeUndefined();
    expect(typedAttempt('闵行 2021 一网通办', scope, keys)).toBeUndefined();
    expect(typedAttempt('闵行', scope, keys)).toBeUndefined();
    expect(typedAttempt('   ', scope, keys)).toBeUndefined();
  });
});
