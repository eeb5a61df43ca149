declare module 'virtual:fzzf/site-config' {
  const config: import('./schemas/site.ts').SiteConfig;
  export default config;
}
