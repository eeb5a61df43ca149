/**
 * The 纠错 link of a page. It carries the page's address and title (and section id), so that
 * whoever receives it knows which text is meant without asking. `address` is the configured
 * feedback address: a web form gets them as query parameters, an e-mail address as its
 * subject and body.
 */
export function feedbackHref(
  address: string,
  page: { url: string; title: string; sectionId?: string | undefined },
): string {
  if (address.startsWith('mailto:')) {
    const lines = [`页面地址：${page.url}`, ...(page.sectionId ? [`章节：${page.sectionId}`] : [])];
    const subject = encodeURIComponent(`纠错：${page.title}`);
    const body = encodeURIComponent(`${lines.join('\n')}\n\n`);
    const separator = address.includes('?') ? '&' : '?';
    return `${address}${separator}subject=${subject}&body=${body}`;
  }
  const url = new URL(address);
  url.searchParams.set('url', page.url);
  url.searchParams.set('title', page.title);
  if (page.sectionId) url.searchParams.set('section', page.sectionId);
  return url.href;
}
