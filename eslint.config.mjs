import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

const infraPackages = ['@nestjs/*', 'typeorm', 'pg', 'minio', 'nats', 's3rver', 'fastify'];
const app = (service) => ({
  sourceTag: `scope:${service}`,
  onlyDependOnLibsWithTags: [`scope:${service}`, 'scope:shared'],
});

export default [
  { ignores: ['**/dist', '**/node_modules', '**/.switchyard', '**/*.js', '**/*.mjs', 'coverage'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.mts'],
    plugins: { '@nx': nx },
    // type-aware rules: the compiler's types catch what review misses (a promise nobody awaits or catches,
    // a promise where a callback's result is ignored, a switch that forgets a case, a cast that changes nothing)
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-unnecessary-type-assertion': 'error',
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            // Apps never import apps: each service may use only its own code and shared libraries.
            ...['gateway', 'router', 'billing', 'files', 'batches', 'console'].map(app),
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
            { sourceTag: 'scope:tools', onlyDependOnLibsWithTags: ['scope:tools', 'scope:shared'] },
            // Contracts are pure: no framework, database, broker or storage client.
            { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: ['type:contracts'], bannedExternalImports: infraPackages },
            { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:contracts', 'type:util'] },
            {
              sourceTag: 'type:providers',
              onlyDependOnLibsWithTags: ['type:contracts', 'type:util', 'type:testing'],
              bannedExternalImports: ['@nestjs/*', 'typeorm', 'pg', 'minio', 'nats'],
            },
            { sourceTag: 'type:infra', onlyDependOnLibsWithTags: ['type:contracts', 'type:util', 'type:infra'] },
            { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['type:contracts', 'type:util', 'type:infra', 'type:testing'] },
            {
              sourceTag: 'type:app',
              onlyDependOnLibsWithTags: ['type:contracts', 'type:util', 'type:infra', 'type:providers', 'type:testing'],
            },
            { sourceTag: 'type:tool', onlyDependOnLibsWithTags: ['type:contracts', 'type:util', 'type:infra', 'type:testing'] },
            { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:contracts', 'type:util', 'type:testing', 'type:tool'] },
          ],
        },
      ],
    },
  },
  {
    // every answer of the gateway a test receives is checked against the OpenAPI document
    files: ['tools/e2e/**/*.ts', 'libs/testing/src/**/*.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        {
          name: 'fetch',
          message:
            'use validatingFetch (answers checked against the OpenAPI document), or uncheckedFetch for what is not the gateway (the mock upstream, S3)',
        },
      ],
    },
  },
];
