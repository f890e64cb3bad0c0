// Icons for the manifest and the home screen, generated at build time from the project's own vector logo.
import { defineConfig } from '@vite-pwa/assets-generator/config';

const brand = '#b42318';

export default defineConfig({
  headLinkOptions: { preset: '2023' },
  preset: {
    transparent: { sizes: [64, 192, 512], favicons: [[48, 'favicon.ico']] },
    // Maskable icons are cropped to a circle of 40 % radius: the logo sits inside that safe zone.
    maskable: { sizes: [512], padding: 0.3, resizeOptions: { background: brand } },
    apple: { sizes: [180], padding: 0.3, resizeOptions: { background: brand } },
  },
  images: ['public/favicon.svg'],
});
