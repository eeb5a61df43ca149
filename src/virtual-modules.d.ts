declare module 'virtual:fzzf/site-config' {
  const config: import('./schemas/site.ts').SiteConfig;
  export default config;
}

declare module 'virtual:fzzf/indicators' {
  const indicators: import('./schemas/indicator.ts').Indicator[];
  export default indicators;
}
