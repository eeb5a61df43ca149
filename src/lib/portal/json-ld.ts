/**
 * schema.org description of a report page for search engines: a Report published by a
 * GovernmentOrganization, part of the site. Returned as a string safe inside <script>: a
 * "</script>" in a title cannot end the block.
 */
export function reportJsonLd(input: {
  title: string;
  url: string;
  description: string;
  /** Absent only from a draft not yet dated. */
  published?: string | undefined;
  agency: { name: string; url: string };
  site: { name: string; url: string };
  /** For a section page: the report it belongs to. */
  report?: { title: string; url: string } | undefined;
}): string {
  const data = {
    '@context': 'https://schema.org',
    '@type': 'Report',
    name: input.title,
    url: input.url,
    description: input.description,
    ...(input.published ? { datePublished: input.published } : {}),
    inLanguage: 'zh-CN',
    publisher: {
      '@type': 'GovernmentOrganization',
      name: input.agency.name,
      url: input.agency.url,
    },
    isPartOf: input.report
      ? {
          '@type': 'Report',
          name: input.report.title,
          url: input.report.url,
          isPartOf: { '@type': 'WebSite', name: input.site.name, url: input.site.url },
        }
      : { '@type': 'WebSite', name: input.site.name, url: input.site.url },
  };
  return JSON.stringify(data).replace(/</g, '\\u003c');
}
