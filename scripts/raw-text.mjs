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
      if (!args.path.endsWith('.json')) return { contents: text, loader: 'text', watchFiles: [args.path] };
      return { contents: quoteFree(JSON.stringify(JSON.parse(text))), loader: 'js', watchFiles: [args.path] };
    });
  },
};

/**
 * A module whose default export is `json` written so that Node loads it fast (#15). esbuild writes a
 * text with many double quotes as a template literal, and V8 reads a template literal into two
 * strings (cooked and raw), so the bundled protocols cost every import more than the code did.
 * Written instead with each `"` swapped for a character the text lacks, it is a plain string
 * literal; that character comes first (no JSON text starts with it), and `fromRaw` in
 * src/protocol/bundled.ts swaps back when a protocol is first read.
 */
function quoteFree(json) {
  const swap = ['~', '^', '|', '#'].find((c) => !json.includes(c));
  if (swap === undefined) throw new Error('raw-text: no free character to stand for the double quote');
  return `export default ${JSON.stringify(swap + json.replaceAll('"', swap))};`;
}
