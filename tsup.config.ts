import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'esbuild';
import { defineConfig } from 'tsup';

// `import text from './file.json?raw'` gives the file's text, as Vite does in the tests. The bundled
// protocols are imported so, and kept minified: JSON text is parsed on first use instead of being
// compiled as object literals by every importer.
const rawText: Plugin = {
  name: 'raw-text',
  setup(build) {
    build.onResolve({ filter: /\?raw$/ }, (args) => ({
      path: path.resolve(args.resolveDir, args.path.slice(0, -'?raw'.length)),
      namespace: 'raw-text',
    }));
    build.onLoad({ filter: /.*/, namespace: 'raw-text' }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      return { contents: args.path.endsWith('.json') ? JSON.stringify(JSON.parse(text)) : text, loader: 'text', watchFiles: [args.path] };
    });
  },
};

export default defineConfig([
  {
    // The library: ESM + CJS with declarations for both.
    entry: { index: 'src/index.ts', territories: 'src/territories/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: true,
    target: 'node20',
    treeshake: true,
    // Shared chunks for CJS too: otherwise territories.cjs carries its own copy of TimeError, and
    // `instanceof TimeError` with the class from the main entry is false for its errors.
    splitting: true,
    // zod's runtime is bundled: loading its hundreds of modules dominated the package's import cost
    // (measured in `npm run bench`). zod stays a dependency for the types of ProtocolSchema.
    noExternal: ['zod'],
    esbuildPlugins: [rawText],
  },
  {
    // The command-line tool: one ESM file with a shebang, never imported by library users.
    entry: { cli: 'src/cli/main.ts' },
    format: ['esm'],
    target: 'node20',
    banner: { js: '#!/usr/bin/env node' },
    noExternal: ['zod'],
    esbuildPlugins: [rawText],
  },
]);
