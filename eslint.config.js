import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// The pure core must run in workers, the CLI and tests: no DOM, React or three there.
const pureCoreImports = {
  'no-restricted-imports': ['error', {
    patterns: [
      { group: ['react', 'react-dom', 'react/*', 'three', 'three/*', '@react-three/*', 'zustand', 'd3', 'd3-*'], message: 'The pure core (src/model, src/sim, solver) must not import UI libraries.' },
      { group: ['**/app/**', '**/twin/**', '**/ui/**'], message: 'The pure core must not import the UI layer.' },
    ],
  }],
  'no-restricted-globals': ['error', 'window', 'document', 'localStorage', 'navigator'],
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'docs/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.tsx', 'src/app/**/*.ts', 'src/twin/**/*.ts', 'src/ui/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  { files: ['src/model/**/*.ts', 'src/sim/**/*.ts', 'src/live/**/*.ts', 'src/experiment/**/*.ts', 'solver/**/*.ts'], rules: pureCoreImports },
);
