/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { svelteTesting } from '@testing-library/svelte/vite';

// The Tauri shell serves `ui/dist` (tauri.conf.json "frontendDist") and, in
// development, points its window at this dev server (fixed port, no screen
// clearing so Rust's output stays readable).
export default defineConfig({
  plugins: [svelte(), svelteTesting()],
  resolve: {
    alias: { $lib: decodeURIComponent(new URL('./src/lib', import.meta.url).pathname) },
  },
  clearScreen: false,
  server: { port: 5173, strictPort: true, host: '127.0.0.1' },
  envPrefix: ['VITE_', 'TAURI_ENV_'],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // No inline polyfill script (the CSP allows scripts from 'self' only),
    // and no <link rel="modulepreload"> added to the page for the screens'
    // chunks (App.svelte): each chunk's imports load with it, from the app's
    // own files, and the page keeps no link element but its own stylesheets
    // (tests/e2e/tests/hostile.rs checks for any other).
    modulePreload: false,
    // Everything bundled; no asset is inlined as a data: URL script.
    assetsInlineLimit: 0,
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.ts'],
    setupFiles: ['src/test-setup.ts'],
    restoreMocks: true,
    pool: 'threads',
    maxWorkers: 2,
    // The theme's palette is read as text by src/theme.test.ts (`?raw`);
    // other stylesheets stay unprocessed in tests.
    css: { include: [/app\.css/] },
  },
});
