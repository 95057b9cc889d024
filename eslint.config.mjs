// `npm run lint`: Next's own rules (core web vitals, TypeScript), the type-aware typescript-eslint
// rules that catch real bugs here (a promise nobody awaits, an async function where a void
// callback is expected), jsx-a11y's recommended set, and the rule that keeps raw HTML out of the
// React tree. Every eslint-disable says why, or the lint fails.
import comments from '@eslint-community/eslint-plugin-eslint-comments/configs';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import { defineConfig, globalIgnores } from 'eslint/config';

export default defineConfig([
  globalIgnores([
    // Build output: every dist dir (.next, .next-e2e, .next-bench, ...) and the bench's results.
    '.next*/**',
    'bench/out/**',
    'coverage/**',
    'test-results/**',
    'playwright-report/**',
    // Runtime data: the SQLite files, uploads, the edge cache's temp files.
    'data/**',
    'public/media/uploads/**',
    '.edge/**',
    'next-env.d.ts',
  ]),
  ...nextVitals,
  ...nextTs,

  // jsx-a11y's recommended rules. Next's config already registers the plugin (with a handful of its
  // rules as warnings), so only the rules are taken here: registering it a second time would clash.
  {
    name: 'sportnieuws/jsx-a11y',
    files: ['**/*.{jsx,tsx}'],
    rules: jsxA11y.flatConfigs.recommended.rules,
  },

  // Type-aware rules, for the TypeScript sources (all of them are in tsconfig's project).
  {
    name: 'sportnieuws/type-aware',
    files: ['**/*.{ts,tsx,mts,cts}'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // A promise nobody awaits loses its error (an unhandled rejection) and its ordering: a
      // revalidation or an audit write that silently never happens. `void` marks the deliberate ones.
      '@typescript-eslint/no-floating-promises': 'error',
      // An async function handed to something that ignores its promise (an event handler, a
      // forEach, a setTimeout) also loses its errors; a promise in a condition is always truthy.
      '@typescript-eslint/no-misused-promises': 'error',
      // Awaiting something that is not a promise is almost always a call that lost its async.
      '@typescript-eslint/await-thenable': 'error',
    },
  },

  // next.config.js and the cache handler are loaded by Next with require(), and the modules they
  // share are CommonJS for that reason (allowJs is off, so they are linted without types).
  {
    name: 'sportnieuws/commonjs',
    files: ['**/*.js'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },

  {
    name: 'sportnieuws/rules',
    rules: {
      // Article text is rendered as React nodes, never as raw HTML. The one legitimate use (JSON-LD,
      // escaped by its serializer) carries a described disable.
      'react/no-danger': 'error',
      // Unused code is an error, not a warning: `npm run lint` has no warnings to look past. A name
      // that starts with `_` is deliberately unused (a destructured-away field, a required parameter).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      '@typescript-eslint/no-unused-expressions': 'error',
    },
  },

  // Every eslint-disable names the rule it turns off and says why, and none outlives its reason.
  comments.recommended,
  {
    name: 'sportnieuws/eslint-comments',
    rules: {
      '@eslint-community/eslint-comments/require-description': ['error', { ignore: ['eslint-enable'] }],
      '@eslint-community/eslint-comments/no-unused-disable': 'error',
    },
  },
  { linterOptions: { reportUnusedDisableDirectives: 'error' } },
]);
