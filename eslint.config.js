// Lint: type-aware rules, plus the layer and library boundaries ARCHITECTURE.md describes.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';
import { readdirSync } from 'node:fs';

const features = readdirSync(`${import.meta.dirname}/src/client/features`, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

/** Forbids imports matching `patterns` inside `files`, with the reason as the message. */
function forbid(files, patterns, message) {
  return {
    files,
    ignores: ['**/*.test.ts'],
    rules: {
      // A leading # starts a comment in these (gitignore-style) patterns: escape it, or the pattern matches nothing.
      'no-restricted-imports': ['error', { patterns: patterns.map((group) => ({ group: [group.replace(/^#/, '\\#')], message })) }],
    },
  };
}

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'test-results/**', 'playwright-report/**', '.tmp/**', 'bench-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        // Each runtime has its tsconfig (its own globals); tests/tsconfig.json holds every test file.
        project: ['./tsconfig.json', './src/shared/tsconfig.json', './src/client/tsconfig.json', './src/server/tsconfig.json', './tests/tsconfig.json'],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'react-hooks/refs': 'off',
      'react-hooks/set-state-in-effect': 'off',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'max-lines': ['error', { max: 350, skipBlankLines: true, skipComments: true }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  { files: ['**/*.js', '**/*.mjs'], ...tseslint.configs.disableTypeChecked },
  { files: ['scripts/**', 'tests/**', 'src/server/**'], rules: { 'no-console': 'off' } },
  { files: ['**/*.test.ts', 'tests/**'], rules: { '@typescript-eslint/no-non-null-assertion': 'off', 'max-lines': 'off' } },

  // Layers: shared is pure; client and server never import each other; lower client layers never reach up.
  // (For one file the last matching block decides, so each client block repeats the client-wide bans.)
  forbid(['src/shared/**'], ['#client/*', '#server/*', 'react', 'react-dom', 'dexie', 'ag-grid-*', 'node:*'], 'src/shared is pure domain code: no UI, storage or I/O.'),
  forbid(['src/client/**'], ['#server/*', 'node:*'], 'The client never imports server code.'),
  forbid(['src/server/**'], ['#client/*', 'react', 'dexie', 'ag-grid-*'], 'The server never imports client code.'),
  forbid(['src/server/http/**'], ['#client/*', 'react', 'dexie', 'ag-grid-*', 'kysely', 'better-sqlite3', 'pg'], 'SQL lives in src/server/store.'),
  forbid(['src/server/store/**'], ['#client/*', 'react', 'dexie', 'ag-grid-*', 'fastify', '@fastify/*'], 'The HTTP framework lives in src/server/http.'),
  forbid(['src/server/sync/**'], ['#client/*', 'react', 'dexie', 'ag-grid-*', 'kysely', 'better-sqlite3', 'pg', 'fastify', '@fastify/*'], 'Sync rules know neither SQL (src/server/store) nor HTTP (src/server/http).'),
  forbid(['src/client/storage/**'], ['#server/*', 'node:*', '#client/features/*', '#client/app/*', '#client/context/*', '#client/ui/*', 'react', 'ag-grid-*'], 'Storage sits below the UI and knows no React.'),
  forbid(['src/client/context/**', 'src/client/ui/**'], ['#server/*', 'node:*', '#client/features/*', '#client/app/*', 'ag-grid-*', 'dexie'], 'Context and UI primitives sit below the features.'),
  forbid(['src/client/sync/**'], ['#server/*', 'node:*', '#client/features/*', '#client/app/*', '#client/context/*', '#client/ui/*', 'react', 'dexie', 'ag-grid-*'], 'The sync engine knows no React and reaches IndexedDB only through client/storage.'),
  // Features never import each other (the app shell composes them); each is listed from the tree, so a new one is covered.
  ...features.map((feature) =>
    forbid(
      [`src/client/features/${feature}/**`],
      [...features.filter((other) => other !== feature).map((other) => `#client/features/${other}/*`), '#client/app/*', '#server/*', 'node:*', 'dexie', ...(feature === 'grid' ? [] : ['ag-grid-*'])],
      'Features do not import each other (the app shell composes them); Dexie stays in client/storage, AG Grid in the grid feature.',
    ),
  ),
  forbid(['src/client/pwa/**', 'src/client/lib/**'], ['#server/*', 'node:*', '#client/features/*', '#client/app/*', '#client/context/*', 'react', 'dexie', 'ag-grid-*'], 'PWA services and helpers know no React and no feature.'),
  forbid(['src/client/app/**', 'src/client/main.tsx'], ['#server/*', 'node:*', 'ag-grid-*', 'dexie'], 'AG Grid lives in the grid feature, Dexie in storage.'),
);
