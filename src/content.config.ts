import { defineCollection } from 'astro:content';
import { reportFilesLoader } from './data/content-loader.ts';
import { reportSchema } from './schemas/report.ts';
import { sectionSchema } from './schemas/section.ts';
import { siteOptions } from './data/options.ts';

// Entry ids are the file paths without extension (2023-jiading-police/s1-2), so the folder
// a file sits in is part of its id and cross-file checks can name the file.
const REPORTS_DIR = siteOptions().paths.reportsDir;

export const collections = {
  reports: defineCollection({
    loader: reportFilesLoader({ base: REPORTS_DIR, files: 'report' }),
    schema: reportSchema,
  }),
  sections: defineCollection({
    loader: reportFilesLoader({ base: REPORTS_DIR, files: 'sections' }),
    schema: sectionSchema,
  }),
};
