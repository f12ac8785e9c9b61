// An esbuild plugin: `import text from './file.json?raw'` gives the file's text, as Vite does in the
// tests. The library imports the bundled protocols so (src/protocol/bundled.ts), minified: JSON text
// is parsed on first use instead of being compiled as object literals by every importer. Used by
// tsup.config.ts (the package) and playground/build.mjs (the workbench page).

import { readFileSync } from 'node:fs';
import path from 'node:path';

/** @type {import('esbuild').Plugin} */
export const rawText = {
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
