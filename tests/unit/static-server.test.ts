import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveRequest } from '../../src/node/static-server.ts';
import { scratchDir } from '../support/scratch.ts';

describe('resolving a request against a built site', () => {
  const parent = scratchDir('fzzf-static-');
  const root = path.join(parent, 'dist');
  mkdirSync(path.join(root, 'reports'), { recursive: true });
  writeFileSync(path.join(root, 'reports', 'index.html'), 'ok');
  writeFileSync(path.join(root, '404.html'), 'nope');
  // A sibling whose name starts with the root's, as the versioned build folders do.
  mkdirSync(path.join(parent, 'dist-versions'));
  writeFileSync(path.join(parent, 'dist-versions', 'secret.txt'), 'secret');

  it('serves a folder’s index below the root', () => {
    expect(resolveRequest(root, '/', '/reports/')).toMatchObject({
      file: path.join(root, 'reports', 'index.html'),
      found: true,
    });
  });

  it('answers 404 for a path that climbs into a sibling folder sharing the root’s prefix', () => {
    const answer = resolveRequest(root, '/', '/../dist-versions/secret.txt');
    expect(answer).toMatchObject({ file: path.join(root, '404.html'), found: false });
  });
});
