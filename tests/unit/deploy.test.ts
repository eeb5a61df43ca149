import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CSP } from '../../src/lib/security/csp.ts';
import { isHashedAsset, SECURITY_HEADERS } from '../../src/lib/security/headers.ts';
import { nginxServerBlock } from '../../src/node/nginx.ts';

const shipped = readFileSync(path.resolve(import.meta.dirname, '../../deploy/nginx.conf'), 'utf8');

describe('the shipped nginx configuration', () => {
  it('is what the generator makes from the security module (regenerate with npm run nginx-conf)', () => {
    expect(shipped).toBe(nginxServerBlock());
  });

  it('is the block the content guide prints in full', () => {
    const guide = readFileSync(
      path.resolve(import.meta.dirname, '../../content/README.md'),
      'utf8',
    );
    expect(guide).toContain(`\`\`\`nginx\n${shipped}\`\`\``);
  });

  it('sends the CSP and every security header in each location, 404 pages included', () => {
    const locations = shipped.split(/\n\s*location /).slice(1);
    const withHeaders = locations.filter((block) => block.includes('add_header'));
    expect(withHeaders.length).toBe(4);
    for (const block of withHeaders) {
      expect(block).toContain(`add_header Content-Security-Policy "${CSP}" always;`);
      for (const { name, value } of SECURITY_HEADERS)
        expect(block).toContain(`add_header ${name} "${value}" always;`);
    }
  });

  it('serves a site under any sub-path with its own 404 page', () => {
    const block = nginxServerBlock({ base: 'reports/fz' });
    expect(block).toContain('location /reports/fz/ {');
    expect(block).toContain('error_page 404 /reports/fz/404.html;');
    expect(block).toContain('location = /reports/fz {');
  });
});

describe('cache classes', () => {
  it('treats content-hashed files as immutable and files that keep their names as short-lived', () => {
    expect(isHashedAsset('_astro/index.B1x2c3.css')).toBe(true);
    expect(isHashedAsset('pagefind/index/zh-cn_2366a09.pf_index')).toBe(true);
    expect(isHashedAsset('pagefind/fragment/zh-cn_a1b2c3.pf_fragment')).toBe(true);
    expect(isHashedAsset('pagefind/pagefind.zh-cn_d38f243e32f82.pf_meta')).toBe(true);
    expect(isHashedAsset('pagefind/years/2016/index/zh-cn_2366a09.pf_index')).toBe(true);
    expect(isHashedAsset('pagefind/parts/2/years/2016-2017/pagefind.zh-cn_d38f2.pf_meta')).toBe(
      true,
    );
    expect(isHashedAsset('pagefind/years/2016/pagefind-entry.json')).toBe(false);
    expect(isHashedAsset('pagefind/years/2016/wasm.unknown.pagefind')).toBe(false);
    expect(isHashedAsset('pagefind/pagefind.js')).toBe(false);
    expect(isHashedAsset('pagefind/pagefind-entry.json')).toBe(false);
    expect(isHashedAsset('pagefind/wasm.unknown.pagefind')).toBe(false);
    expect(isHashedAsset('reports/2023-jiading-police/index.html')).toBe(false);
  });
});
