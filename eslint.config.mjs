import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'examples/**', 'test/fixtures/**', '.cache/**', 'bench/.work/**', '**/*.mjs', '**/*.js'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
    },
  },
  {
    // What Adrift prints or writes is in one order on every machine (src/core/order.ts).
    files: ['src/**/*.ts'],
    rules: {
      'no-restricted-properties': ['error', { property: 'localeCompare', message: "Its order follows the machine's locale: use compareText from src/core/order.ts." }],
    },
  },
  {
    // The core is editor-free: the CLI, the benchmark and the extension all run it.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'vscode', message: 'src/core must not depend on the editor; put editor code in src/extension.' }],
        patterns: [{ group: ['**/extension/**', '**/cli/**'], message: 'src/core must not depend on its shells.' }],
      }],
    },
  },
);
