/**
 * schema.org description of a report page for search engines: a Report published by a
 * GovernmentOrganization, part of the site. Returned as a string safe inside <script>: a
 * "</script>" in a title cannot end the block. No description: the page's meta description
 * already says it, and search engines read that.
 */
export function reportJsonLd(input: {
  title: string;
  url: string;
  /** Absent only from a draft not yet dated. */
  published?: string | undefined;
  /** The date of the latest correction, when there was one. */
  modified?: string | undefined;
  agency: { name: string; url: string };
  site: { name: string; url: string };
}): string {
  const data = {
    '@context': 'https://schema.org',
    '@type': 'Report',
    name: input.title,
    url: input.url,
    ...(input.published ? { datePublished: input.published } : {}),
    ...(input.modified ? { dateModified: input.modified } : {}),
    inLanguage: 'zh-CN',
    publisher: {
      '@type': 'GovernmentOrganization',
      name: input.agency.name,
      url: input.agency.url,
    },
    isPartOf: { '@type': 'WebSite', name: input.site.name, url: input.site.url },
  };
  return JSON.stringify(data).replace(/</g, '\\u003c');
}
