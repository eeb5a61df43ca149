// Writes scoped queries over the synthetic corpus (../shared/tools/corpus/gen.mjs) for reports a
// 300-report corpus does not hold, to append to tests/search/scoped-queries.json: a place and a
// year scope a topic many reports share, or name a part. Districts two cities share (朝阳, 鼓楼 …)
// are written with their city, as a reader must. Expectations come from the corpus text (the
// sections holding the topic), never from the search. Deterministic for a corpus and --seed.
// Usage: node tools/scoped-queries.ts --corpus /tmp/corpus-3000 [--count 60] [--seed 7]
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { toolArgs } from '../src/node/tool-args.ts';

const USAGE =
  'usage: node tools/scoped-queries.ts --corpus DIR [--count 60] [--seed 7] [--skip 300]';

const { values } = toolArgs(
  {
    options: {
      corpus: { type: 'string' },
      count: { type: 'string', default: '60' },
      seed: { type: 'string', default: '7' },
      // Reports of the corpus a smaller one already holds (the first N are the same at any size).
      skip: { type: 'string', default: '300' },
    },
  },
  USAGE,
);
if (!values.corpus) {
  console.error(USAGE);
  process.exit(2);
}
const corpus = path.resolve(values.corpus);

const TOPICS = [
  '枫桥经验',
  '普法',
  '矛盾纠纷',
  '营商环境',
  '法治素养',
  '交通事故',
  '行政复议',
  '一网通办',
  '行政应诉',
  '知识产权',
  '放管服',
  '执法质量考评',
  '扫黑除恶',
  '执法监督',
  '主题教育',
  '队伍建设',
  '顽瘴痼疾',
  '电信网络诈骗',
];
const PART_WORDS = ['存在的不足', '存在的问题'];
// Cities whose districts the corpus names with 区 (the others may be 县 or 市).
const DISTRICT_CITIES = new Set(['上海', '北京', '天津']);

interface Section {
  id: string;
  title: string;
  parent: string | null;
  body: string;
}
interface Report {
  id: string;
  year: number;
  agency: string;
  district: string;
  city: string;
  sections: Section[];
}

function readReport(id: string): Report {
  const dir = path.join(corpus, id);
  const meta = JSON.parse(readFileSync(path.join(dir, 'report.json'), 'utf8')) as Omit<
    Report,
    'sections'
  > & { sections: string[] };
  const sections = meta.sections.map((sid) => {
    const text = readFileSync(path.join(dir, `${sid}.md`), 'utf8');
    const [, front = '', body = ''] = /^---\n([\s\S]*?)\n---\n?([\s\S]*)$/.exec(text) ?? [];
    const field = (name: string) => new RegExp(`^${name}: "?(.*?)"?$`, 'm').exec(front)?.[1] ?? '';
    const parent = field('parent');
    return { id: sid, title: field('title'), parent: parent === 'null' ? null : parent, body };
  });
  return { ...meta, sections };
}

// Mulberry32: a small seeded generator, so the set is the same on every machine.
let state = Number(values.seed) >>> 0;
const random = () => {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;

const ids = (
  JSON.parse(readFileSync(path.join(corpus, 'corpus.json'), 'utf8')) as { reports: string[] }
).reports;
const reports = ids.map(readReport);
const citiesOf = new Map<string, Set<string>>();
for (const report of reports)
  citiesOf.set(report.district, (citiesOf.get(report.district) ?? new Set()).add(report.city));
const shared = (report: Report) => (citiesOf.get(report.district)?.size ?? 0) > 1;

/** How a reader names the report's place and year; with the city where the district is shared. */
function placeAndYear(report: Report, form: number): [string, string] {
  const { district: d, city: c, year: y, agency } = report;
  const zone = DISTRICT_CITIES.has(c) ? `${d}区` : `${c}${d}`;
  if (shared(report))
    return pick([
      [`${c}市${d}区 ${y}`, ''],
      [`${c}${d} ${y}年`, ''],
      [`${agency} ${y}`, ''],
    ] as [string, string][]);
  return (
    [
      [`${agency} ${y}`, ''],
      [`${y}年${zone}`, ''],
      [`${d} ${y}`, ''],
      [`${d}公安分局${y}年`, 'joined'],
      [`${y}年${d}`, 'after'],
    ] as [string, string][]
  )[form % 5]!;
}

const out: unknown[] = [];
const used = new Set<string>();
const later = reports.slice(Number(values.skip));
const candidates = [...later.filter(shared), ...later.filter((r) => !shared(r))];
const count = Number(values.count);
let form = 0;
for (let tries = 0; out.length < count && tries < count * 50; tries++) {
  // Half the shared-district queries first, then any report of the larger corpus.
  const report = out.length < count / 4 ? pick(candidates.filter(shared)) : pick(candidates);
  if (used.has(report.id)) continue;
  const page = `/reports/${report.year}-${report.id.slice(5)}-police/`;
  const partOnly = out.length % 6 === 5;
  if (partOnly) {
    const part = report.sections.find((s) => s.id === 's2');
    if (!part) continue;
    const [place] = placeAndYear(report, 3);
    out.push({
      q: `${place.replace(/ /g, '')}${pick(PART_WORDS)}`,
      kind: 'scoped',
      page,
      expect: [part.title],
    });
  } else {
    const topic = pick(TOPICS);
    const holding = report.sections.filter((s) => s.parent !== null && s.body.includes(topic));
    if (!holding.length) continue;
    const [place, how] = placeAndYear(report, form++);
    const q =
      how === 'joined'
        ? `${place}${topic}`
        : how === 'after'
          ? `${topic} ${place}`
          : `${place} ${topic}`;
    out.push({
      q,
      kind: 'scoped',
      page,
      expect: [...new Set(holding.map((s) => s.title))],
      snippet: topic,
    });
  }
  used.add(report.id);
}
console.log(JSON.stringify(out, null, 2));
