import { describe, expect, it } from 'vitest';
import { FEED_ENTRIES, newestEntries } from '../../src/lib/portal/feed-entries.ts';

const entry = (id: string, date: string) => ({ id, published: new Date(`${date}T00:00:00Z`) });

describe('feed entries', () => {
  it('keeps the newest, newest first, equal dates in their given order', () => {
    const entries = [
      entry('a', '2024-03-01'),
      entry('b', '2025-03-01'),
      entry('c', '2024-03-01'),
      entry('d', '2023-03-01'),
    ];
    expect(newestEntries(entries, 3).map((e) => e.id)).toEqual(['b', 'a', 'c']);
    expect(entries.map((e) => e.id)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('holds at most FEED_ENTRIES, however many reports a site has', () => {
    const many = Array.from({ length: 3000 }, (_, i) =>
      entry(String(i), `${2000 + (i % 25)}-03-${String((i % 28) + 1).padStart(2, '0')}`),
    );
    const kept = newestEntries(many);
    expect(kept).toHaveLength(FEED_ENTRIES);
    expect(kept[0]!.published.getTime()).toBe(Math.max(...many.map((e) => e.published.getTime())));
  });
});
