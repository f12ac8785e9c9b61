// An esbuild plugin: zod's code, bundled into the package, is evaluated when the first schema is
// built, not when the package is imported (#15). The public API stays synchronous: every `z.fn(...)`
// in src/ goes through a stand-in that, on its first call, runs zod at once: for the library's Node
// builds from dist/zod.cjs, required beside them (see `apart` below), and for the CLI through
// esbuild's lazy module wrapper in the same bundle. An import that never builds a schema never runs
// zod at all. Used by tsup.config.ts and scripts/cli-cache.mjs; the tests run the sources against
// zod itself.

import { readFileSync, readdirSync, renameSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

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

/**
 * The plugin. `apart` (the library's Node builds): zod is not bundled into the output at all but
 * written beside it as one CommonJS file, `<outdir>/zod.cjs`, which the stand-ins `require` on their
 * first call. Bundled, its 150 KB were still compiled at every import, run or not; apart, an import
 * that never parses does not read them. The CLI keeps zod inside (it parses on every run, from its
 * code cache); the browser build uses neither.
 *
 * @param {{ apart?: boolean }} [options]
 * @returns {import('esbuild').Plugin}
 */
function plugin({ apart = false } = {}) {
  return {
    name: apart ? 'lazy-zod-apart' : 'lazy-zod',
    setup(build) {
      const { functions, others } = zodExports();
      // The functions src/ calls come from one module, so that tree-shaking keeps only the parts of
      // zod they need; any other is still a stand-in (a call the scan missed costs size, not a result).
      const called = calledInSources(functions);
      // Only the package's own modules get the stand-ins; zod's modules import each other as usual.
      build.onResolve({ filter: /^zod$/ }, (args) => (args.importer.startsWith(SRC) ? { path: 'zod', namespace: 'lazy-zod' } : undefined));
      build.onResolve({ filter: /^lazy-zod:/ }, (args) => ({ path: args.path.slice('lazy-zod:'.length), namespace: 'lazy-zod-part' }));
      build.onResolve({ filter: /^\.\/zod\.cjs$/ }, () => (apart ? { path: './zod.cjs', external: true } : undefined));
      build.onLoad({ filter: /.*/, namespace: 'lazy-zod-part' }, (args) => ({
        contents: args.path === 'called' ? `export { ${called.join(', ')} } from 'zod';` : `export { ${args.path} } from 'zod';`,
        resolveDir: ROOT,
        loader: 'js',
      }));
      build.onLoad({ filter: /.*/, namespace: 'lazy-zod' }, () => ({
        contents: (apart ? apartModule(functions) : bundledModule(functions, called)) + `\nexport { ${others.join(', ')} } from 'zod';`,
        resolveDir: ROOT,
        loader: 'js',
      }));
      if (!apart) return;
      // The ESM and the CommonJS builds (tsup builds both as ES modules) both write the same file:
      // each to a name of its own, then renamed into place, so that neither, nor an import during a
      // rebuild, reads half of it.
      build.onEnd(async (result) => {
        if (result.errors.length > 0) return;
        const outdir = path.resolve(ROOT, build.initialOptions.outdir ?? 'dist');
        const own = path.join(outdir, `zod.cjs.${process.pid}.${++written}`);
        await esbuild.build({
          stdin: { contents: `export { ${functions.join(', ')} } from 'zod';`, resolveDir: ROOT, loader: 'js' },
          outfile: own,
          ...NODE_SCRIPT,
        });
        renameSync(own, path.join(outdir, 'zod.cjs'));
      });
    },
  };
}

let written = 0;

/** One CommonJS file, compact, for Node 20: dist/zod.cjs, and the CLI's bin and script (scripts/cli-cache.mjs). */
export const NODE_SCRIPT = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: 'error',
};

/** Stand-ins that run the bundled zod: each function's module (or the one of all called) on first call. */
function bundledModule(functions, called) {
  const part = (name) => (called.includes(name) ? 'called' : name);
  const parts = [...new Set(functions.map(part))];
  return [
    `let ${parts.map((p) => `zod_${p}`).join(', ')};`,
    ...functions.map(
      (name) =>
        `const f_${name} = (...args) => (zod_${part(name)} ??= require('lazy-zod:${part(name)}')).${name}(...args);\nexport { f_${name} as ${name} };`,
    ),
  ].join('\n');
}

/**
 * Stand-ins that read zod from `./zod.cjs` beside the output on first call, through a `require` made
 * for the module's own URL: tsup converts its CommonJS output from ES modules, and gives
 * `import.meta.url` there the file's URL, so the one text serves both.
 */
function apartModule(functions) {
  return [
    "import { createRequire } from 'node:module';",
    'let zod;',
    "const loadZod = () => (zod ??= createRequire(import.meta.url)('./zod.cjs'));",
    ...functions.map((name) => `const f_${name} = (...args) => loadZod().${name}(...args);\nexport { f_${name} as ${name} };`),
  ].join('\n');
}

/** zod bundled into the output, run on the first schema build (the CLI). */
export const lazyZod = plugin();

/** zod in `<outdir>/zod.cjs`, read and run on the first schema build (the library's Node builds). */
export const lazyZodApart = plugin({ apart: true });
