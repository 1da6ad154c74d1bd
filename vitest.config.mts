import { defineConfig, type Plugin } from 'vitest/config';

/** The bundled fact base is imported as text, as esbuild's `.yaml: 'text'` loader does in the build. */
const yamlAsText: Plugin = {
  name: 'fact-desk-yaml-as-text',
  enforce: 'pre',
  transform(code, id) {
    if (!id.split('?')[0]!.endsWith('.yaml')) return null;
    return { code: `export default ${JSON.stringify(code)};`, map: null };
  },
};

export default defineConfig({
  plugins: [yamlAsText],
  test: {
    include: ['test/**/*.test.ts'],
    // The in-editor suite runs inside VS Code (it needs the `vscode` module), never under vitest.
    exclude: ['test/vscode/**', '**/node_modules/**'],
    environment: 'node',
    // LSP and CLI tests start `node dist/...` processes; give them room on a slow CI machine.
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
