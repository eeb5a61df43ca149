import path from 'node:path';
import type { AstroIntegration } from 'astro';
import type { Plugin } from 'vite';
import { checkContentFiles } from '../data/content-check.ts';
import { OPTIONS_KEY, type SiteOptions } from '../data/options.ts';
import { CONTENT_PATHS } from '../data/paths.ts';
import { readIndicators } from '../data/indicators.ts';
import { readSiteConfig } from '../data/site.ts';
import { ContentError } from '../lib/content/errors.ts';
import { devContentErrors } from './dev-content-errors.ts';

const NAME = 'fzzf:site-options';
/** The site identity (content/site.yml) as a module, so the dev server reloads it when edited. */
export const SITE_CONFIG_MODULE = 'virtual:fzzf/site-config';
/** The indicators (content/indicators.yml) as a module, reloaded the same way. */
export const INDICATORS_MODULE = 'virtual:fzzf/indicators';

/**
 * Hands a run's options (drafts, content paths) to the code Astro runs, the content config
 * included, as values: nothing travels through process.env. astro.config.mjs installs it with
 * the defaults (the site's content; drafts in dev only); a command that starts Astro
 * (tools/build.ts, tools/dev.ts) adds its own, which takes the place of the defaults.
 */
export default function siteOptionsIntegration(given?: SiteOptions): AstroIntegration {
  const setup: NonNullable<AstroIntegration['hooks']['astro:config:setup']> = ({
    command,
    config,
    updateConfig,
    logger,
  }) => {
    const last = config.integrations.findLast((each) => each.name === NAME);
    if (last?.hooks['astro:config:setup'] !== setup) return;
    const options = given ?? { drafts: command === 'dev', paths: CONTENT_PATHS };
    // npm run build and npm run dev check the content before Astro starts; Astro started some
    // other way checks it here, through the same door.
    if (!given && command === 'build') checked = checkBeforeBuild(options);
    updateConfig({
      vite: {
        define: { [`import.meta.env.${OPTIONS_KEY}`]: JSON.stringify(options) },
        plugins: [
          siteConfigModule(options.paths.siteFile),
          indicatorsModule(options.paths.indicatorsFile),
          ...(command === 'dev' ? [devContentErrors(options.paths, logger)] : []),
        ],
      },
    });
  };
  let checked: Promise<void> | undefined;
  return {
    name: NAME,
    hooks: {
      'astro:config:setup': setup,
      'astro:build:start': async () => {
        await checked;
      },
    },
  };
}

async function checkBeforeBuild({ paths }: SiteOptions): Promise<void> {
  const errors = (await checkContentFiles(paths, undefined, undefined, { warnings: false }))
    .problems;
  if (errors.length)
    throw new ContentError(errors.map(({ severity: _severity, ...issue }) => issue));
}

/**
 * site.yml, validated, as the module SITE_CONFIG_MODULE. Vite reads it once per run and, as it
 * watches the file, again after an edit: the cache is the run's module graph, not the process.
 */
function siteConfigModule(file: string): Plugin {
  const id = `\0${SITE_CONFIG_MODULE}`;
  return {
    name: 'fzzf:site-config',
    resolveId: (source) => (source === SITE_CONFIG_MODULE ? id : undefined),
    load(loading) {
      if (loading !== id) return undefined;
      const absolute = path.resolve(file);
      this.addWatchFile(absolute);
      const { config, issues } = readSiteConfig(absolute);
      if (issues.length) throw new ContentError(issues);
      return `export default ${JSON.stringify(config)};`;
    },
  };
}

/** indicators.yml as the module INDICATORS_MODULE: checked before Astro starts, watched in dev. */
function indicatorsModule(file: string): Plugin {
  const id = `\0${INDICATORS_MODULE}`;
  return {
    name: 'fzzf:indicators',
    resolveId: (source) => (source === INDICATORS_MODULE ? id : undefined),
    load(loading) {
      if (loading !== id) return undefined;
      const absolute = path.resolve(file);
      this.addWatchFile(absolute);
      const { list, issues } = readIndicators(absolute);
      if (issues.length) throw new ContentError(issues);
      return `export default ${JSON.stringify(list)};`;
    },
  };
}
