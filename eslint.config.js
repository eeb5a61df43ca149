// @ts-check
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import astro from 'eslint-plugin-astro';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * Modules that only run in Node (file system, environment, build-time libraries). Code that
 * ships to the browser (src/scripts/, src/lib/) must never import them: a bundle would fail or
 * swell, and a secret in process.env could leak into a page.
 */
const NODE_ONLY = {
  patterns: [
    {
      group: ['node:*'],
      message: 'Node-only: keep it out of browser-safe code (src/lib, src/scripts).',
    },
    {
      group: ['**/node/**', '**/data/**', '**/integrations/**'],
      message: 'Node-only folder: browser-safe code may not import it.',
    },
    {
      group: ['cheerio', 'qrcode', 'pinyin-pro', 'yaml', 'pagefind', 'mammoth', 'astro:content'],
      message: 'Build-time library: browser-safe code may not import it.',
    },
  ],
};

export default defineConfig(
  {
    ignores: [
      'dist/',
      '.astro/',
      'node_modules/',
      'tests/fixtures/',
      '.dist-*/',
      '.desk-preview/',
      '..desk-preview-*/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...astro.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/lib/**/*.ts', 'src/scripts/**/*.{ts,js}', 'src/desk/**/*.js'],
    languageOptions: { globals: { ...globals.browser } },
    rules: { 'no-restricted-imports': ['error', NODE_ONLY] },
  },
);
