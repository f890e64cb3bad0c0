// The web app manifest, in Chinese (default) and English. Icons are added by the build from public/favicon.svg.
import type { ManifestOptions } from 'vite-plugin-pwa';

const common = {
  start_url: '/',
  scope: '/',
  id: '/',
  display: 'standalone',
  orientation: 'any',
  theme_color: '#b42318',
  background_color: '#f2f4f7',
  categories: ['productivity', 'government'],
} satisfies Partial<ManifestOptions>;

export const manifest: Partial<ManifestOptions> = {
  ...common,
  name: '整改台账',
  short_name: '整改台账',
  description: '优化营商环境执法检查问题整改台账：离线录入、同步与导出',
  lang: 'zh-CN',
};

export const englishManifest: Partial<ManifestOptions> = {
  ...common,
  name: 'Rectification Ledger',
  short_name: 'Ledger',
  description: 'Offline ledger of inspection problems, rectification measures and responsible departments',
  lang: 'en',
};
