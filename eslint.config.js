// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import globals from 'globals';

/** Packages import each other only through shared/ (the Excalidraw-style boundary rule). */
const boundary = (forbidden, message) => ({
  'no-restricted-imports': [
    'error',
    { patterns: forbidden.map((group) => ({ group: [group], message })) },
  ],
});

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'data/**',
      '.tools/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'coverage/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': 'error',
    },
  },
  {
    files: ['client/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks, 'jsx-a11y': jsxA11y },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...jsxA11y.flatConfigs.strict.rules,
      ...boundary(
        ['**/server/**', 'mongoose', 'express', 'node:*'],
        'The client imports server code only through shared/.',
      ),
    },
  },
  {
    files: ['server/**/*.ts'],
    rules: boundary(
      ['**/client/**', 'react', 'react-dom'],
      'The server imports client code only through shared/.',
    ),
  },
  {
    files: ['shared/**/*.ts'],
    rules: boundary(
      ['**/client/**', '**/server/**', 'react', 'mongoose', 'express', 'node:*'],
      'shared/ is pure: no React, Mongoose, Express or Node-only APIs.',
    ),
  },
  {
    files: ['scripts/**/*.{ts,mjs,js}', 'e2e/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
);
