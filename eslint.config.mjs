// ESLint 9 flat config: Next.js (core web vitals + TypeScript) and jsx-a11y's recommended rules.
import nextCoreWebVitals from 'eslint-config-next/core-web-vitals';
import nextTypescript from 'eslint-config-next/typescript';

// eslint-config-next already registers the `jsx-a11y` plugin (as its own wrapped copy of the module).
// Registering it again under the same name with a different object makes ESLint fail with
// "Cannot redefine plugin", so reuse the registered object and only add its recommended rules.
const nextBase = nextCoreWebVitals.find((config) => config.plugins?.['jsx-a11y']);
if (!nextBase) {
  throw new Error('eslint-config-next no longer registers jsx-a11y: update eslint.config.mjs');
}
const jsxA11y = nextBase.plugins['jsx-a11y'];

const eslintConfig = [
  {
    ignores: [
      'node_modules/**',
      '.next/**',
      'lib/generated/**',
      'test-results/**',
      'playwright-report/**',
      'blob-report/**',
      'data/**',
      'next-env.d.ts',
    ],
  },
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    name: 'keydesk/jsx-a11y-recommended',
    files: nextBase.files,
    rules: {
      ...jsxA11y.flatConfigs.recommended.rules,
      // Keep Next's mapping of next/image's <Image> onto <img> for the alt-text check.
      'jsx-a11y/alt-text': ['error', { img: ['Image'] }],
    },
  },
  {
    name: 'keydesk/app-router',
    rules: {
      // This rule is for the Pages Router: without a pages/ directory it only prints a warning on every run.
      '@next/next/no-html-link-for-pages': 'off',
    },
  },
  {
    name: 'keydesk/playwright',
    files: ['e2e/**/*.ts'],
    rules: {
      // Playwright fixtures receive a `use` callback and an empty `{}` when they need no fixture.
      'react-hooks/rules-of-hooks': 'off',
      'no-empty-pattern': 'off',
    },
  },
];

export default eslintConfig;
