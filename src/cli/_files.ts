// Reading files for the commands: bytes with a size cap checked before reading, strict UTF-8, and the
// files of the folders given (symbolic links followed once, loops and dangling links reported).

import { type Dirent, closeSync, fstatSync, openSync, readSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { MAX_PROTOCOL_SIZE } from '../protocol/_input.js';
import type { ProtocolIssue } from '../protocol/issues.js';
import { type ProtocolResult, loadProtocolPlaced } from '../protocol/parse.js';
import { Failure, UsageError } from './_errors.js';

/** A path as the user would write it: relative to the current folder when inside it. */
export function display(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : file;
}

/** Why a file could not be read, as a usage error (exit 2). */
function unreadable(file: string, error: unknown): UsageError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new UsageError(`${file}: no such file`);
  if (code === 'EISDIR') return new UsageError(`${file} is a folder; give a file`);
  return new UsageError(`${file}: cannot read it (${code ?? 'unknown error'})`);
}

/**
 * A file's bytes, or `{ size }` alone when it is larger than `maxSize` (checked on the open file
 * before reading, so a huge file costs nothing). A missing or unreadable file is a usage error.
 */
export function readBytes(file: string, maxSize = Number.POSITIVE_INFINITY): { bytes?: Uint8Array; size: number } {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (error) {
    throw unreadable(file, error);
  }
  try {
    const { size } = fstatSync(fd);
    if (size > maxSize) return { size };
    // Read to the end rather than trusting size: a file may grow, and /proc-like files report 0.
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.max(size + 1 - total, 65_536));
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      chunks.push(chunk.subarray(0, n));
      total += n;
      if (total > maxSize) return { size: total };
    }
    return { bytes: Buffer.concat(chunks, total), size: total };
  } catch (error) {
    throw unreadable(file, error);
  } finally {
    closeSync(fd);
  }
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** Reads a text file as strict UTF-8; a missing or unreadable file is a usage error, bytes that are not UTF-8 invalid input. */
export function readText(file: string): string {
  const { bytes = new Uint8Array(0) } = readBytes(file);
  try {
    return UTF8.decode(bytes);
  } catch {
    throw new Failure(`${display(file)}: not UTF-8 text; save it as UTF-8`);
  }
}

/** `--max-size`, shared by validate and test: the size cap for protocol files, in bytes. */
export const MAX_SIZE_OPTION = { 'max-size': { type: 'string' } } as const;

export const MAX_SIZE_HELP = `  --max-size BYTES      refuse protocol files larger than this (default ${MAX_PROTOCOL_SIZE}, 1 MiB)`;

export function maxSizeFrom(value: string | undefined): number {
  if (value === undefined) return MAX_PROTOCOL_SIZE;
  if (!/^[1-9]\d{0,14}$/.test(value)) throw new UsageError(`--max-size must be a whole number of bytes, not "${value}"`);
  return Number(value);
}

/**
 * Reads and loads a protocol file under the size cap. A file over the cap is refused before it is
 * read, with the same finding loadProtocol gives; bytes are decoded by loadProtocol, strictly.
 * `place` gives more findings about the file (lint) their line and column; with `placing`, the
 * positions are kept from the one read of the file, for a caller that will place findings.
 */
export function loadProtocolFile(
  file: string,
  maxSize: number,
  placing = false,
): ProtocolResult & { text?: string; place(issues: readonly ProtocolIssue[]): ProtocolIssue[] } {
  const { bytes, size } = readBytes(file, maxSize);
  if (!bytes) {
    const message = `The file is ${size.toLocaleString('en-GB')} bytes, more than the cap of ${maxSize.toLocaleString('en-GB')}; no protocol needs that. If this one does, raise the cap with --max-size.`;
    return { success: false, issues: [{ code: 'json/too-large', path: [], message, severity: 'error' }], place: (issues) => [...issues] };
  }
  const { result, text, place } = loadProtocolPlaced(bytes, { maxSize }, placing);
  return text === undefined ? { ...result, place } : { ...result, text, place };
}

/** Reads a JSON file whose content is data for a command (a case): bad JSON makes it invalid (exit 1). */
export function readJson(file: string): unknown {
  const text = readText(file);
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new Failure(`${display(file)}: not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
}

/**
 * Files named on the command line, and the files `keep` accepts directly inside folders named there.
 * Folders are not searched recursively: protocols/ is flat, and a deeper search would pick up case
 * files and other JSON that happens to sit below. A symbolic link in a folder is followed when it
 * leads to a file (the operating system resolves the chain, refusing loops); one that leads to a
 * folder, nowhere or round in a loop is reported on stderr and skipped. A file reached twice (named
 * and linked, say) is checked once.
 */
export function collectFiles(paths: readonly string[], keep: (file: string) => boolean): { explicit: string[]; found: string[] } {
  const explicit: string[] = [];
  const found: string[] = [];
  for (const path of paths) {
    let isDirectory: boolean;
    try {
      isDirectory = statSync(path).isDirectory();
    } catch {
      throw new UsageError(`${path}: no such file or folder`);
    }
    if (!isDirectory) {
      explicit.push(path);
      continue;
    }
    let entries: Dirent[];
    try {
      entries = readdirSync(path, { withFileTypes: true });
    } catch (error) {
      throw new UsageError(`${path}: cannot read the folder (${(error as NodeJS.ErrnoException).code ?? 'unknown error'})`);
    }
    for (const entry of entries) {
      if (!keep(entry.name)) continue;
      const file = join(path, entry.name);
      if (entry.isFile()) found.push(file);
      else if (entry.isSymbolicLink()) {
        let target: ReturnType<typeof statSync> | undefined;
        try {
          target = statSync(file);
        } catch {
          target = undefined;
        }
        if (target?.isFile()) found.push(file);
        else
          process.stderr.write(
            `skipping ${file}: a symbolic link to ${target ? 'something that is not a file' : 'nothing (broken, or a loop)'}\n`,
          );
      }
    }
  }
  const seen = new Set<string>();
  const once = (file: string): boolean => {
    let real: string;
    try {
      real = realpathSync(file);
    } catch {
      real = resolve(file);
    }
    if (seen.has(real)) return false;
    seen.add(real);
    return true;
  };
  return { explicit: explicit.filter(once), found: found.sort().filter(once) };
}
