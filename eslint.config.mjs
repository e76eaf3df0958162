// @ts-check
import eslint from '@eslint/js';
import boundaries from 'eslint-plugin-boundaries';
import tseslint from 'typescript-eslint';

/**
 * Which lib may import which (the layer table in README's architecture
 * section). A lib imports only libs listed for it; nothing imports upward, so
 * the graph has no cycles. Apps compose everything.
 */
const LAYERS = {
  common: ['config'],
  queue: ['config', 'common'],
  database: ['config', 'common', 'queue'],
  notifications: ['config', 'common', 'queue', 'database'],
  auth: ['config', 'common', 'queue', 'database', 'notifications'],
  events: ['config', 'common', 'queue', 'database', 'notifications', 'auth'],
  registrations: ['config', 'common', 'queue', 'database', 'notifications', 'auth', 'events'],
  scheduler: [],
  meetings: ['config', 'common', 'queue', 'database', 'notifications', 'auth', 'events', 'registrations', 'scheduler'],
  recommendations: [
    'config',
    'common',
    'queue',
    'database',
    'notifications',
    'auth',
    'events',
    'registrations',
    'meetings',
  ],
  agreements: ['config', 'common', 'queue', 'database', 'notifications', 'auth', 'events', 'registrations', 'meetings'],
  worker: [
    'config',
    'common',
    'queue',
    'database',
    'notifications',
    'auth',
    'events',
    'registrations',
    'meetings',
    'recommendations',
    'agreements',
  ],
  demo: [
    'config',
    'common',
    'queue',
    'database',
    'notifications',
    'auth',
    'events',
    'registrations',
    'scheduler',
    'meetings',
    'agreements',
  ],
  'api-client': [],
};

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'var/**',
      'coverage/**',
      'test/web/screenshots/**',
      'test/web/results/**',
      'playwright-report/**',
      '**/*.js',
      '**/*.mjs',
    ],
  },
  eslint.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-extraneous-class': 'off',
      '@typescript-eslint/unbound-method': 'off',
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@roundtable/*/src', '@roundtable/*/src/*', '**/libs/*/src/*', '**/libs/*/src/**'],
              message: 'Import another library through its alias and index (e.g. @roundtable/meetings).',
            },
          ],
        },
      ],
    },
  },
  {
    // Lib boundaries: each lib imports only the libs below it in LAYERS.
    files: ['libs/**/*.ts', 'config/**/*.ts', 'apps/api/**/*.ts', 'apps/worker/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    plugins: { boundaries },
    settings: {
      'import/resolver': { typescript: { project: './tsconfig.json' } },
      'boundaries/elements': [
        { type: 'lib', pattern: 'libs/*', capture: ['lib'] },
        { type: 'config', pattern: 'config' },
        { type: 'app', pattern: 'apps/*', capture: ['app'] },
      ],
    },
    rules: {
      'boundaries/dependencies': [
        'error',
        {
          default: 'disallow',
          policies: [
            { from: { element: { type: 'app' } }, allow: { to: { element: { types: { anyOf: ['lib', 'config'] } } } } },
            {
              from: { element: { type: 'app' } },
              allow: { to: { element: { type: 'app', captured: { app: '{{ from.captured.app }}' } } } },
            },
            {
              from: { element: { type: 'lib' } },
              allow: { to: { element: { type: 'lib', captured: { lib: '{{ from.captured.lib }}' } } } },
            },
            ...Object.entries(LAYERS).map(([lib, below]) => ({
              from: { element: { type: 'lib', captured: { lib } } },
              allow: { to: { element: { type: 'lib', captured: { lib: below.length ? below : '__none__' } } } },
            })),
            ...Object.entries(LAYERS)
              .filter(([, below]) => below.includes('config'))
              .map(([lib]) => ({
                from: { element: { type: 'lib', captured: { lib } } },
                allow: { to: { element: { type: 'config' } } },
              })),
          ],
        },
      ],
    },
  },
  {
    // The web app's one-way layout: shared code (lib, components) → features → app; features never import each other.
    files: ['apps/web/src/features/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['../../*', '../../**'],
              message: 'A feature imports no other feature; compose them in a route file.',
            },
            { group: ['@/features/**', '@/app/**'], message: 'A feature imports no other feature nor the app.' },
          ],
        },
      ],
    },
  },
  {
    files: ['apps/web/src/lib/**/*.{ts,tsx}', 'apps/web/src/components/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@/features/**', '@/app/**', '../features/**', '../app/**'],
              message: 'Shared code knows no feature.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['test/**/*.ts', '**/*.spec.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      'no-restricted-imports': 'off',
    },
  },
);
