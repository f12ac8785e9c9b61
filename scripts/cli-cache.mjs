// The command-line tool as one script with V8's code cache (#15; src/cli/launch.ts says why and
// when it is used). An esbuild plugin for the CLI entry of tsup.config.ts: when that build ends, it
// writes the bin, <outdir>/cli.cjs (src/cli/launch.ts), bundles src/cli/main.ts into
// <outdir>/cli/bundle.cjs, a CommonJS function the bin runs in a vm.Script, and runs this file on it, which runs `validate protocols/` from the script (as CI runs
// the tool) and then writes the cache V8 made of everything it compiled (bundle.cache) and the V8
// it was made with (bundle.json). A Node whose V8 differs ignores both and runs the ES modules.
//
//   node scripts/cli-cache.mjs <outdir>     (what the plugin runs)

import { spawnSync } from 'node:child_process';
import { chmodSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';
import * as esbuild from 'esbuild';
import { lazyZod } from './lazy-zod.mjs';
import { rawText } from './raw-text.mjs';

const HERE = fileURLToPath(import.meta.url);
const ROOT = path.resolve(path.dirname(HERE), '..');

/** @type {import('esbuild').Plugin} */
export const cliCodeCache = {
  name: 'cli-code-cache',
  setup(build) {
    build.onEnd(async (result) => {
      if (result.errors.length > 0) return;
      const outdir = path.resolve(ROOT, build.initialOptions.outdir ?? 'dist');
      // V8 checks a cache against its script's length, not its text: the old cache goes before the
      // new script is written, and the bin reads the script before the cache, so a bin started
      // during a rebuild gets an old script with its cache, or no cache at all.
      for (const file of ['bundle.json', 'bundle.cache']) rmSync(path.join(outdir, 'cli', file), { force: true });
      await esbuild.build({
        entryPoints: [path.join(ROOT, 'src/cli/main.ts')],
        outfile: path.join(outdir, 'cli/bundle.cjs'),
        bundle: true,
        platform: 'node',
        format: 'cjs',
        target: 'node20',
        minifyWhitespace: true,
        minifySyntax: true,
        plugins: [lazyZod, rawText],
        // import.meta has no meaning in a script: the package root is found from the script's path.
        define: { 'import.meta.url': '__cliUrl' },
        banner: {
          js: '(function (exports, require, module, __filename, __dirname) {const __cliUrl=require("node:url").pathToFileURL(__filename).href;',
        },
        footer: { js: '})' },
        logLevel: 'error',
      });
      // The bin that picks the script or the ES modules (src/cli/launch.ts).
      await esbuild.build({
        entryPoints: [path.join(ROOT, 'src/cli/launch.ts')],
        outfile: path.join(outdir, 'cli.cjs'),
        bundle: true,
        platform: 'node',
        format: 'cjs',
        target: 'node20',
        minifyWhitespace: true,
        minifySyntax: true,
        banner: { js: '#!/usr/bin/env node' },
        logLevel: 'error',
      });
      chmodSync(path.join(outdir, 'cli.cjs'), 0o755);
      // A fresh Node with no options, as users start the tool: the cache records V8's flags.
      const { NODE_OPTIONS: _, ...env } = process.env;
      const trained = spawnSync(process.execPath, [HERE, outdir], { cwd: ROOT, env, encoding: 'utf8' });
      if (trained.status !== 0) throw new Error(`cli-cache: the training run failed:\n${trained.stderr}`);
    });
  },
};

/** Runs `validate protocols/` from the script in <outdir>/cli, then writes the cache of what it compiled. */
function train(outdir) {
  const dir = path.join(outdir, 'cli');
  const file = path.join(dir, 'bundle.cjs');
  const script = new Script(readFileSync(file, 'utf8'), { filename: file });
  process.argv = [process.execPath, file, 'validate', 'protocols/'];
  process.env.NO_COLOR = '1';
  // The findings are not wanted here, only the code that printed them.
  process.stdout.write = () => true;
  process.on('exit', () => {
    writeFileSync(path.join(dir, 'bundle.cache'), script.createCachedData());
    writeFileSync(path.join(dir, 'bundle.json'), `${JSON.stringify({ v8: process.versions.v8, arch: process.arch })}\n`);
    // validate's own exit code (1 would mean a bundled protocol is invalid, which the tests catch).
    process.exitCode = 0;
  });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(file), module, file, dir);
}

if (process.argv[1] === HERE) train(path.resolve(process.argv[2]));
