import { type Options, defineConfig } from 'tsup';
// `?raw` imports (the bundled protocols as JSON text): see scripts/raw-text.mjs.
import { cliCodeCache } from './scripts/cli-cache.mjs';
import { lazyZod, lazyZodApart } from './scripts/lazy-zod.mjs';
import { rawText } from './scripts/raw-text.mjs';

/**
 * Whitespace and comments out, syntax shortened, names kept (stack traces and the source maps still
 * read): Node scans every byte of a module it loads, so this is part of the import cost (#15), and a
 * comment with one non-ASCII character made Node decode the whole file as UTF-16.
 */
const compact: NonNullable<Options['esbuildOptions']> = (options) => {
  options.minifyWhitespace = true;
  options.minifySyntax = true;
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
    // ... and read from dist/zod.cjs and run when the first schema is built, not at import
    // (scripts/lazy-zod.mjs).
    esbuildPlugins: [lazyZodApart, rawText],
    esbuildOptions: compact,
  },
  {
    // The library for bundlers that build for browsers (package.json's "browser" condition): the same
    // ESM with zod's modules as plain statements, so that the app's bundler drops the parts of zod a
    // page does not use (the JSON Schema output, most of all). zod's lazy wrapper above would keep
    // them all and cost a page about 2.5 KB gzipped, which its 100 KB ceiling has no room for; a
    // page pays no Node start-up, and parses a protocol on load anyway.
    // Under dist/browser/ by entry and chunk names, not by outDir, which `tsup --out-dir` replaces.
    entry: { 'browser/index': 'src/index.ts', 'browser/territories': 'src/territories/index.ts' },
    format: ['esm'],
    sourcemap: true,
    target: 'node20',
    treeshake: true,
    splitting: true,
    noExternal: ['zod'],
    esbuildPlugins: [rawText],
    esbuildOptions(options, context) {
      compact(options, context);
      options.chunkNames = 'browser/[name]-[hash]';
    },
  },
  {
    // The command-line tool: an ESM entry with a shebang, never imported by library users, and a
    // chunk per command under dist/cli/ loaded when that command runs (#15: a cold `validate`
    // compiled every command, the renderers and the bundled protocols). The bin, dist/cli.cjs, runs
    // the same tool from one script with V8's code cache when it can, and these modules otherwise
    // (src/cli/launch.ts, written with the script by scripts/cli-cache.mjs).
    entry: { cli: 'src/cli/main.ts' },
    format: ['esm'],
    target: 'node20',
    splitting: true,
    esbuildOptions(options, context) {
      compact(options, context);
      options.chunkNames = 'cli/[name]-[hash]';
    },
    banner: { js: '#!/usr/bin/env node' },
    noExternal: ['zod'],
    // cliCodeCache writes dist/cli.cjs, dist/cli/bundle-<hash>.cjs and its cache once the modules are built.
    esbuildPlugins: [lazyZod, rawText, cliCodeCache],
  },
]);
