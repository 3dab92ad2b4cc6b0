/**
 * ESLint flat config: typescript-eslint's recommended rules everywhere, plus the crypto core's own
 * rules that wrap library traps (docs/architecture.md, "Conventions"): no console, no
 * HDKey.toJSON() (it carries the xpriv), no privateExtendedKey, no mnemonic strings from
 * @scure/bip39. Layer rules live in .dependency-cruiser.cjs.
 */
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'tests/fixtures/**', 'test-results/**', 'playwright-report/**', 'release/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node }, ecmaVersion: 2024, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^(node:)?(net|http|https|http2|tls|dgram|dns)(/|$)', message: 'Custos opens no network connection.' }] },
      ],
    },
  },
  {
    files: ['tests/**', '*.config.ts', '*.config.js'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // Pure code used by main and renderer alike: only the language's own globals, no Node or DOM.
    files: ['common/**'],
    languageOptions: { globals: {} },
  },
  {
    files: ['crypto/**'],
    rules: {
      'no-console': 'error',
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.property.name='toJSON']", message: 'HDKey.toJSON() includes the xpriv.' },
        { selector: "MemberExpression[property.name='privateExtendedKey']", message: 'The xpriv never leaves the core.' },
        {
          selector: 'CallExpression[callee.name=/^(entropyToMnemonic|generateMnemonic|mnemonicToSeedSync|mnemonicToSeed)$/]',
          message: 'Never build a mnemonic string; use mnemonic-seed.ts.',
        },
      ],
    },
  },
);
