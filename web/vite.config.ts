/// <reference types="vitest/config" />
import { fileURLToPath, URL } from 'node:url'
import react from '@vitejs/plugin-react'
import tailwindcss from '@tailwindcss/vite'
import { defineConfig, type Plugin } from 'vite'

// The API server (`astrobench serve`) listens on 127.0.0.1:8000 by default.
const apiTarget = process.env.ASTROBENCH_API ?? 'http://127.0.0.1:8000'

// `vite build --mode static` (npm run build:static) is the published site of `astrobench publish`
// (docs/publish-import.md): relative asset paths and one classic (non-module) script, because
// chromium refuses module scripts and fetch from file://.
const classicScript = (): Plugin => ({
  name: 'astrobench-classic-script',
  apply: 'build',
  transformIndexHtml: {
    order: 'post',
    handler: (html) => html.replace(/<script type="module" crossorigin/g, '<script defer').replace(/ crossorigin/g, ''),
  },
})

export default defineConfig(({ mode }) => ({
  plugins: [react(), tailwindcss(), ...(mode === 'static' ? [classicScript()] : [])],
  base: mode === 'static' ? './' : '/',
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  server: {
    host: '127.0.0.1',
    proxy: {
      '/api': { target: apiTarget, changeOrigin: false, ws: true },
    },
  },
  build: {
    outDir: mode === 'static' ? 'dist-static' : 'dist',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: mode === 'static' ? 2000 : 600,
    modulePreload: mode === 'static' ? false : undefined,
    cssCodeSplit: mode !== 'static',
    rollupOptions:
      mode === 'static'
        ? { output: { format: 'iife', inlineDynamicImports: true, entryFileNames: 'assets/app.js', assetFileNames: 'assets/[name][extname]' } }
        : undefined,
  },
  test: {
    globals: true,
    environment: 'jsdom',
    setupFiles: ['./src/test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    css: false,
    // The JSON report feeds the closing "N passed, N failed" line of scripts/test.sh.
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/vitest.json' },
  },
}))
