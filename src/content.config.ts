import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { reportSchema } from './schemas/report.ts';
import { sectionSchema } from './schemas/section.ts';
import { siteOptions } from './data/options.ts';

// Entry ids are the file paths without extension (2023-jiading-police/s1-2), so the folder
// a file sits in is part of its id and cross-file checks can name the file.
const REPORTS_DIR = siteOptions().paths.reportsDir;
const pathId = ({ entry }: { entry: string }) => entry.replace(/\.mdx?$/, '');

export const collections = {
  reports: defineCollection({
    loader: glob({ pattern: '*/report.{md,mdx}', base: REPORTS_DIR, generateId: pathId }),
    schema: reportSchema,
  }),
  sections: defineCollection({
    loader: glob({
      pattern: ['*/*.{md,mdx}', '!*/report.{md,mdx}'],
      base: REPORTS_DIR,
      generateId: pathId,
    }),
    schema: sectionSchema,
  }),
};
