import { type Options, defineConfig } from 'tsup';
// `?raw` imports (the bundled protocols as JSON text): see scripts/raw-text.mjs.
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
    esbuildPlugins: [rawText],
    esbuildOptions: compact,
  },
  {
    // The command-line tool: an ESM entry with a shebang, never imported by library users, and a
    // chunk per command under dist/cli/ loaded when that command runs (#15: a cold `validate`
    // compiled every command, the renderers and the bundled protocols).
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
    esbuildPlugins: [rawText],
  },
]);
