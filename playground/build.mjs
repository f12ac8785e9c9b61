#!/usr/bin/env node
// Builds the protocol workbench (playground/) into playground/dist/: index.html, style.css, app.js
// (the page's code, the library from src/ through its public entry, CodeMirror and VS Code's JSON
// language service, bundled by esbuild) and mermaid.js (Mermaid's own browser build, copied from
// node_modules). Classic scripts, not modules: a module script is refused from a file:// URL, and the
// page must open from a file with nothing fetched. `npm run playground` runs it; the browser test
// (test/playground/playground.browser.test.ts) calls `buildPlayground()` itself, so `npm test` needs
// no earlier step.

import { copyFileSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';
import { rawText } from '../scripts/raw-text.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '..');
export const PLAYGROUND_DIST = join(HERE, 'dist');
const MERMAID = join(ROOT, 'node_modules/mermaid/dist/mermaid.min.js');

/** The bundled protocols' files and their scenario files, as written (the library holds them parsed). */
function protocolFiles() {
  const dir = join(ROOT, 'protocols');
  const files = {};
  for (const name of readdirSync(dir)
    .filter((n) => n.endsWith('.json'))
    .sort())
    files[name] = readFileSync(join(dir, name), 'utf8');
  return files;
}

/**
 * Builds the page into `out` (default playground/dist, emptied first).
 * @returns {Promise<{ out: string, url: string }>} the folder and the file URL of its index.html
 */
export async function buildPlayground(out = PLAYGROUND_DIST) {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  await esbuild.build({
    entryPoints: [join(HERE, 'src/main.ts')],
    outfile: join(out, 'app.js'),
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    minify: true,
    legalComments: 'linked',
    logLevel: 'warning',
    define: { PROTOCOL_FILES: JSON.stringify(protocolFiles()) },
    plugins: [rawText],
  });
  copyFileSync(MERMAID, join(out, 'mermaid.js'));
  copyFileSync(join(HERE, 'index.html'), join(out, 'index.html'));
  copyFileSync(join(HERE, 'style.css'), join(out, 'style.css'));
  return { out, url: pathToFileURL(join(out, 'index.html')).href };
}

/** Each file of a built page with its size and gzipped size (level 9), in bytes. */
export function playgroundSizes(out = PLAYGROUND_DIST) {
  return readdirSync(out)
    .filter((name) => statSync(join(out, name)).isFile() && !name.endsWith('.txt'))
    .map((name) => {
      const bytes = readFileSync(join(out, name));
      return { name, bytes: bytes.length, gzipBytes: gzipSync(bytes, { level: 9 }).length };
    });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { out, url } = await buildPlayground();
  const sizes = playgroundSizes(out);
  const kb = (n) => `${(n / 1024).toFixed(0)} KB`;
  for (const s of sizes) console.log(`  ${s.name.padEnd(12)} ${kb(s.bytes).padStart(8)}  (${kb(s.gzipBytes)} gzipped)`);
  console.log(`Built ${out}: open ${url}`);
}
