import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The web UI: built into web/dist, which the API process serves at / (src/api/web-ui.ts). `npm run dev:web`
// serves it with hot reload and sends /api to a Reelflow running on REELFLOW_URL (default localhost:8080).
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The budget is for the first page's JS; pages beyond it load on demand.
    chunkSizeWarningLimit: 400,
  },
  server: {
    proxy: { '/api': { target: process.env.REELFLOW_URL ?? 'http://localhost:8080', changeOrigin: false } },
  },
});
