// Set-up file of the e2e project: every browser test fails when a page it opened logged a
// console error or threw, so no test has to remember to ask.
import { afterEach, expect } from 'vitest';
import { takePageErrors } from './browser.ts';

afterEach(() => {
  expect(takePageErrors(), 'console errors or page errors in the browser').toEqual([]);
});
