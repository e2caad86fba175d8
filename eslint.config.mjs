import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'coverage/**', '**/*.js', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'off',
      'no-console': 'off',
      // Prisma drops an undefined key, so a multi-row write whose where lost its id would match
      // every row: its filter must go through strictWhere (libs/database/src/strict-where.ts).
      'no-restricted-syntax': [
        'error',
        {
          selector:
            "CallExpression[callee.property.name=/^(updateMany|deleteMany|updateManyAndReturn)$/] > ObjectExpression > Property[key.name='where']:not([value.type='CallExpression'][value.callee.name='strictWhere'])",
          message: 'Wrap the where of updateMany/deleteMany in strictWhere() so an undefined id cannot widen it to every row.',
        },
      ],
    },
  },
  {
    // Tests and scripts read JSON responses of the API: `any` there is the honest type.
    files: ['test/**/*.ts', 'scripts/**/*.ts', 'libs/testing/**/*.ts', '**/*.spec.ts', '**/*.e2e-spec.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
