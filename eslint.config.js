/**
 * One lint configuration for the whole project; `npm test` runs it with zero warnings allowed.
 * Formatting is Prettier's job (eslint-config-prettier turns off the rules that would disagree).
 */
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import astro from 'eslint-plugin-astro';
import prettier from 'eslint-config-prettier';
import globals from 'globals';

export default defineConfig(
  {
    ignores: [
      'dist/',
      'dist-*/',
      '.astro/',
      'node_modules/',
      'test-results/',
      'playwright-report/',
      'bench/results/',
      '.tmp/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...astro.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    // Tests build malformed documents and hostile inputs on purpose; `any` is how they say so.
    files: ['**/*.test.ts', 'tests/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // Preact hooks, in components and in the hooks they share.
    files: ['src/**/*.tsx', 'src/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    // Accessible JSX. Preact writes a label's target as `for` (React's `htmlFor` also works).
    files: ['**/*.tsx'],
    plugins: { 'jsx-a11y': jsxA11y },
    settings: { 'jsx-a11y': { attributes: { for: ['for', 'htmlFor'] } } },
    rules: {
      ...jsxA11y.flatConfigs.recommended.rules,
      // A region that scrolls (a wide table, a long equation, code) must take keyboard focus so it
      // can be scrolled without a mouse (axe: scrollable-region-focusable); such regions are named
      // groups or regions, or <pre>.
      'jsx-a11y/no-noninteractive-tabindex': ['error', { roles: ['tabpanel', 'region', 'group'], tags: ['pre'] }],
    },
  },
  prettier,
);
