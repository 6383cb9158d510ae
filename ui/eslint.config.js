import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

const NO_PLUGIN = "The page calls no plugin's JavaScript (the window is not allowed to): the shell raises native dialogs itself.";

export default ts.config(
  { ignores: ['dist/', 'node_modules/', 'src/lib/bindings/'] },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: {
      parserOptions: {
        projectService: false,
        extraFileExtensions: ['.svelte'],
        parser: ts.parser,
        svelteConfig,
      },
    },
  },
  {
    rules: {
      // No eval and no string-built code anywhere (strict CSP: script-src 'self').
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Hash links are plain anchors here; there is no SvelteKit resolve().
      'svelte/no-navigation-without-resolve': 'off',
    },
  },
  {
    // Only lib/api.ts talks to the shell (docs/ui.md, architecture invariants):
    // invoke is imported there and nowhere else, and no file calls a plugin's
    // JavaScript (the window may not: native dialogs are raised by Rust).
    files: ['src/lib/api.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@tauri-apps/plugin-*'], message: NO_PLUGIN },
            { group: ['@tauri-apps/api/mocks'], message: 'The IPC mocks are for tests and src/dev only.' },
          ],
        },
      ],
    },
  },
  {
    ignores: ['src/lib/api.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: '@tauri-apps/api/core', message: 'Only src/lib/api.ts calls invoke; use its functions.' }],
          patterns: [
            { group: ['@tauri-apps/plugin-*'], message: NO_PLUGIN },
            { group: ['@tauri-apps/api/mocks'], message: 'The IPC mocks are for tests and src/dev only.' },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "ImportExpression[source.value=/^@tauri-apps\\/(api\\/core|plugin-)/]",
          message: 'Only src/lib/api.ts talks to the shell; use its functions.',
        },
        {
          selector: "Identifier[name=/^__TAURI/], Literal[value=/^__TAURI/]",
          message: "The shell's internals are for @tauri-apps/api in src/lib/api.ts only.",
        },
      ],
    },
  },
  {
    // Tests, their helpers and the browser preview's stand-in may mock IPC.
    files: ['src/**/*.test.ts', 'src/test/**', 'src/dev/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: '@tauri-apps/api/core', message: 'Only src/lib/api.ts calls invoke; mock IPC with @tauri-apps/api/mocks.' }],
          patterns: [{ group: ['@tauri-apps/plugin-*'], message: NO_PLUGIN }],
        },
      ],
    },
  },
);
