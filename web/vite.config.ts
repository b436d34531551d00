import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Built with `vite build web` (npm run build:web): the root is this folder, the output web/dist.
// Everything is bundled locally: no CDN, no external fonts, so the UI works offline and under a
// strict Content-Security-Policy (script-src 'self', no inline scripts or styles).
export default defineConfig({
  plugins: [react()],
  base: '/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    assetsInlineLimit: 0,
    sourcemap: false,
  },
  server: {
    proxy: { '/v1': 'http://127.0.0.1:8080' },
  },
});
