// Merges a site built in parts into one site, published atomically like a build: see README.md,
// "Past one machine". Usage: npm run merge-parts -- PART PART … [--out dist]
import path from 'node:path';
import { parseArgs } from 'node:util';
import { describeFailure } from '../src/node/build-failure.ts';
import { mergeParts } from '../src/node/merge-parts.ts';
import { publishSite } from '../src/node/publish.ts';

const USAGE = `用法：npm run merge-parts -- 部分1 部分2 … [--out dist]

把分部分生成的网站合并成一个网站。每个部分是一次普通的生成，只生成某些年份的报告页面，例如：
  OUT_DIR=parts/2016-2020 SITE_URL=https://www.example.gov.cn/fzzf/ npm run build -- --years 2016-2020
  OUT_DIR=parts/2021-2025 SITE_URL=https://www.example.gov.cn/fzzf/ npm run build -- --years 2021-2025
  npm run merge-parts -- parts/2016-2020 parts/2021-2025 --out dist
各部分必须用同一版本的程序、同样的全部内容和同一个 SITE_URL 生成。合并后的搜索覆盖所有部分。
选项：
  --out 目录   合并结果所在目录（默认 dist），与生成一样原子地替换：中途失败或中断时保持原样`;

const root = path.resolve(import.meta.dirname, '..');
let parts: string[];
let out: string;
try {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { out: { type: 'string', default: 'dist' }, help: { type: 'boolean' } },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  parts = positionals.map((part) => path.resolve(part));
  out = path.resolve(values.out);
  if (parts.length < 2) throw new Error('too few parts');
} catch {
  console.error(`选项有误：至少要给出两个部分。\n\n${USAGE}`);
  process.exit(1);
}
try {
  await publishSite({ outDir: out, build: (version) => mergeParts(parts, version) });
} catch (error) {
  console.error(describeFailure(error, root, out));
  process.exit(1);
}
console.log(`已合并 ${parts.length} 个部分：${path.relative(root, out) || out}/`);
