import type { AstroIntegration } from 'astro';
import { beforePages } from './before-pages.ts';

/**
 * Where a build's time goes, step by step. tools/build.ts marks its own steps; Astro's steps are
 * marked from integration hooks, which Astro calls in a fixed order (config done → content
 * synced → bundles built → pages generated → build:done hooks, the search index among them).
 */
export interface BuildProfile {
  /** Ends the current step and starts `step` (its label, as printed). */
  mark(step: string): void;
  /** The steps in order with their seconds; the last one ends now. */
  steps(): { step: string; seconds: number }[];
}

/** Step labels, as the profile prints them (the build's console output is in Chinese). */
export const STEPS = {
  start: '启动（加载构建程序）',
  check: '内容检查（启动）',
  astroStart: 'Astro 启动（读取配置）',
  sync: '内容同步（解析并渲染正文）',
  bundle: '打包（Vite）',
  pages: '生成页面',
  index: '搜索索引（Pagefind）',
  publish: '发布（替换 dist/）',
} as const;

/**
 * The content check runs on a thread of its own beside Astro's start and content sync (which
 * includes any wait for it); its time is listed apart.
 */
export const CHECK_ALONGSIDE = '内容检查（与内容同步同时进行）';

/**
 * What a build prints at the start of each step when FZZF_PROGRESS is set, one line each, so
 * that a program running it (the desk, `npm run desk`) can show its progress.
 */
export const PROGRESS_PREFIX = '步骤：';
export const PROGRESS_ENV = 'FZZF_PROGRESS';

/** A profile whose first step started when the process did, so module loading is counted. */
export function createBuildProfile(
  now: () => number = () => performance.now(),
  onMark?: (step: string) => void,
): BuildProfile {
  const marks: { step: string; at: number }[] = [{ step: STEPS.start, at: 0 }];
  return {
    mark(step) {
      marks.push({ step, at: now() });
      onMark?.(step);
    },
    steps() {
      const end = now();
      return marks.map((mark, i) => ({
        step: mark.step,
        seconds: ((marks[i + 1]?.at ?? end) - mark.at) / 1000,
      }));
    },
  };
}

/**
 * The profile as a table: seconds and share of the whole for each step, then the total, and the
 * content check's own time when it ran alongside the steps (`checkSeconds`).
 */
export function formatBuildProfile(
  steps: { step: string; seconds: number }[],
  checkSeconds?: number,
): string {
  const total = steps.reduce((sum, each) => sum + each.seconds, 0);
  const labels = [
    ...steps.map((each) => each.step),
    ...(checkSeconds === undefined ? [] : [CHECK_ALONGSIDE]),
  ];
  const width = Math.max(...labels.map(displayWidth));
  const pad = (label: string) => label + ' '.repeat(width - displayWidth(label));
  const line = (label: string, seconds: number) =>
    `  ${pad(label)}  ${seconds.toFixed(2).padStart(7)} 秒  ${
      total ? ((100 * seconds) / total).toFixed(0).padStart(3) : '  0'
    }%`;
  return [
    '构建耗时（按步骤）：',
    ...steps.map((each) => line(each.step, each.seconds)),
    line('合计', total),
    ...(checkSeconds === undefined
      ? []
      : [`  ${pad(CHECK_ALONGSIDE)}  ${checkSeconds.toFixed(2).padStart(7)} 秒`]),
  ].join('\n');
}

/** Columns a label takes in a terminal: CJK and full-width characters take two. */
function displayWidth(text: string): number {
  let width = 0;
  for (const char of text)
    width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uff00-\uff60]/u.test(char) ? 2 : 1;
  return width;
}

/**
 * Marks Astro's steps in `profile`. It must be the last integration, so that its build:done
 * hook runs after every other one's (the search index's included).
 */
export function buildProfileIntegration(profile: BuildProfile): AstroIntegration {
  return {
    name: 'fzzf:build-profile',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({
          vite: { plugins: [beforePages('fzzf:build-profile', () => profile.mark(STEPS.pages))] },
        });
      },
      'astro:config:done': () => profile.mark(STEPS.sync),
      'astro:build:start': () => profile.mark(STEPS.bundle),
      'astro:build:generated': () => profile.mark(STEPS.index),
      'astro:build:done': () => profile.mark(STEPS.publish),
    },
  };
}
