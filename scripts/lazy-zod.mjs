// An esbuild plugin: zod's code, bundled into the package, is evaluated when the first schema is
// built, not when the package is imported (#15). The public API stays synchronous: every `z.fn(...)`
// in src/ goes through a stand-in that, on its first call, runs the bundled zod at once (esbuild's
// lazy module wrapper, reached through `require`, which it resolves at build time). The status path
// never builds a schema, so an import that only computes statuses never runs zod at all. Used by
// tsup.config.ts; the tests run the sources against zod itself.

import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SRC = `${path.join(ROOT, 'src')}${path.sep}`;

/**
 * zod's runtime exports, split into the functions (given stand-ins) and the rest (classes, objects,
 * namespaces). A class must stay itself (`instanceof z.ZodObject`), so any of the rest that src/
 * imports is re-exported as it is: correct, only no longer lazy.
 */
function zodExports() {
  const zod = createRequire(path.join(ROOT, 'package.json'))('zod');
  const functions = [];
  const others = [];
  for (const [name, value] of Object.entries(zod)) {
    if (name === 'default' || !/^[A-Za-z_$][\w$]*$/.test(name)) continue;
    // A class is a function too; zod's start with a capital (ZodObject, ZodError) or `$`.
    (typeof value === 'function' && /^[a-z]/.test(name) ? functions : others).push(name);
  }
  return { functions, others };
}

/** The zod functions src/ calls (`z.name(`), found when the build starts. */
function calledInSources(functions) {
  const called = new Set();
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (entry.name.endsWith('.ts')) for (const m of readFileSync(file, 'utf8').matchAll(/\bz\.([a-z]\w*)\s*\(/g)) called.add(m[1]);
    }
  };
  walk(SRC);
  return functions.filter((name) => called.has(name));
}

/** @type {import('esbuild').Plugin} */
export const lazyZod = {
  name: 'lazy-zod',
  setup(build) {
    const { functions, others } = zodExports();
    // The functions src/ calls come from one module, so that tree-shaking keeps only the parts of
    // zod they need; any other is still a stand-in (a call the scan missed costs size, not a result).
    const called = calledInSources(functions);
    // Only the package's own modules get the stand-ins; zod's modules import each other as usual.
    build.onResolve({ filter: /^zod$/ }, (args) => (args.importer.startsWith(SRC) ? { path: 'zod', namespace: 'lazy-zod' } : undefined));
    build.onResolve({ filter: /^lazy-zod:/ }, (args) => ({ path: args.path.slice('lazy-zod:'.length), namespace: 'lazy-zod-part' }));
    build.onLoad({ filter: /.*/, namespace: 'lazy-zod-part' }, (args) => ({
      contents: args.path === 'called' ? `export { ${called.join(', ')} } from 'zod';` : `export { ${args.path} } from 'zod';`,
      resolveDir: ROOT,
      loader: 'js',
    }));
    build.onLoad({ filter: /.*/, namespace: 'lazy-zod' }, () => {
      const stand = functions.map((name) => {
        const from = called.includes(name) ? 'called' : name;
        return `const f_${name} = (...args) => (zod_${from} ??= require('lazy-zod:${from}')).${name}(...args);\nexport { f_${name} as ${name} };`;
      });
      const parts = [...new Set(functions.map((name) => (called.includes(name) ? 'called' : name)))];
      return {
        contents: [`let ${parts.map((p) => `zod_${p}`).join(', ')};`, ...stand, `export { ${others.join(', ')} } from 'zod';`].join('\n'),
        resolveDir: ROOT,
        loader: 'js',
      };
    });
  },
};
