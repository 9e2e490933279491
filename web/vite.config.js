import { defineConfig } from 'vite';

// `dyad serve` serves index.html at / and the assets under /static/.
export default defineConfig({
  base: '/static/',
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1200 },
  test: { environment: 'node', include: ['tests/**/*.test.js'] },
});
