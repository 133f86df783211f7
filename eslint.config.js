import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/*
 * Layers, lowest first; a folder imports only from layers below it (docs/ARCHITECTURE.md, "Folders"):
 *   pure core  src/model, src/sim, src/live, src/playback, src/experiment, src/mes, src/scenario, src/scheduling, src/training, solver/  — no DOM, React, three
 *   workers    src/workers                                          — comlink entry points over the core
 *   state      src/state                                            — the app's stores (zustand), no rendering
 *   twin       src/twin                                             — the 3D scene: renders what it is given
 *   ui         src/ui                                               — panels and charts over the stores
 *   app        src/app                                              — the shell: workspaces, routes, shortcuts; nothing imports it
 * and src/cli beside the UI, over the core and workers.
 */
const folder = (name) => `**/${name}/**`;
const layerMessage = (from, folders) => `${from} must not import ${folders.join(', ')}: a layer imports only from layers below it (docs/ARCHITECTURE.md, Folders).`;
const upwards = (from, folders) => ({ group: folders.map(folder), message: layerMessage(from, folders) });

const UI_LIBRARIES = ['react', 'react-dom', 'react/*', 'react-dom/*', 'three', 'three/*', '@react-three/*', 'd3', 'd3-*', 'idb'];
const RENDERING = ['three', 'three/*', '@react-three/*'];

const restrict = (...patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

// The pure core must run in workers, the CLI and tests. zustand/vanilla (a framework-free state
// container) is allowed for the playback clock; its React binding is not.
const pureCore = {
  ...restrict(
    { group: UI_LIBRARIES, message: 'The pure core (src/model, src/sim, src/live, src/playback, src/experiment, src/scenario, src/scheduling, src/training, solver) must not import UI libraries.' },
    { regex: '^zustand(/react.*)?$', message: 'The pure core may use zustand/vanilla, not its React binding.' },
    upwards('The pure core', ['workers', 'state', 'twin', 'ui', 'app']),
  ),
  'no-restricted-globals': ['error', 'window', 'document', 'localStorage', 'navigator', 'requestAnimationFrame'],
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
    files: ['src/**/*.tsx', 'src/app/**/*.ts', 'src/twin/**/*.ts', 'src/ui/**/*.ts', 'src/state/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  { files: ['src/model/**/*.ts', 'src/sim/**/*.ts', 'src/live/**/*.ts', 'src/playback/**/*.ts', 'src/experiment/**/*.ts', 'src/scenario/**/*.ts', 'src/scheduling/**/*.ts', 'src/training/**/*.ts', 'solver/**/*.ts'], rules: pureCore },
  { files: ['src/workers/**/*.ts'], rules: restrict({ group: UI_LIBRARIES, message: 'Workers run the core; no UI libraries.' }, upwards('src/workers', ['state', 'twin', 'ui', 'app'])) },
  { files: ['src/cli/**/*.ts'], rules: restrict({ group: UI_LIBRARIES, message: 'The CLI runs the core in Node; no UI libraries.' }, upwards('src/cli', ['state', 'twin', 'ui', 'app'])) },
  { files: ['src/state/**/*.ts', 'src/state/**/*.tsx'], rules: restrict({ group: RENDERING, message: 'Stores hold state; rendering belongs to src/twin.' }, upwards('src/state', ['twin', 'ui', 'app'])) },
  { files: ['src/twin/**/*.ts', 'src/twin/**/*.tsx'], rules: restrict(upwards('src/twin (rendering only: what to draw comes in as props)', ['state', 'ui', 'app'])) },
  { files: ['src/ui/**/*.ts', 'src/ui/**/*.tsx'], rules: restrict(upwards('src/ui', ['app'])) },
  // Publishing's core: besides the DOM, no storage, network or clock of its own — the CLI and the
  // page inject them, so the same outbox logic runs (and is tested) everywhere.
  {
    files: ['src/mes/**/*.ts'],
    rules: {
      ...restrict(
        { group: UI_LIBRARIES, message: 'src/mes is pure core: no UI libraries.' },
        { regex: '^zustand', message: 'src/mes is pure core: no state container.' },
        upwards('src/mes', ['workers', 'state', 'twin', 'ui', 'app']),
        { group: ['node:*', 'fs', 'http', 'https', 'net'], message: 'src/mes runs in the page too: Node APIs belong in src/cli.' },
      ),
      'no-restricted-globals': [...pureCore['no-restricted-globals'], 'fetch', 'indexedDB', 'sessionStorage', 'XMLHttpRequest', 'WebSocket'],
      'no-restricted-properties': ['error',
        { object: 'Date', property: 'now', message: 'Use the injected clock.' },
        { object: 'Math', property: 'random', message: 'Use the injected randomness.' }],
    },
  },
);
