// A protocol file's text before the JSON reader sees it: a size cap checked first, so a huge upload
// costs nothing but its length, and bytes decoded as strict UTF-8, so a corrupt file is refused with
// the place of its first bad byte instead of being read with replacement characters.

import { issue, type ProtocolIssue } from './issues.js';

/**
 * The default size cap of {@link loadProtocol}: 1 MiB (1,048,576 bytes, or characters for a string).
 * The largest bundled protocol is about 40 KB, so the cap leaves a protocol room to grow 25 times.
 */
export const MAX_PROTOCOL_SIZE = 1_048_576;

/** @internal The text to read, or the finding that refuses it. */
export type TextResult = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly issue: ProtocolIssue };

const fail = (found: ProtocolIssue): TextResult => ({ ok: false, issue: found });

/** @internal Checks the size, then decodes bytes as strict UTF-8 (a leading byte-order mark is dropped). */
export function protocolText(input: unknown, maxSize: number): TextResult {
  const bytes = input instanceof Uint8Array ? input : undefined;
  const text = bytes ? undefined : typeof input === 'string' ? input : String(input);
  const size = bytes ? bytes.length : text!.length;
  if (size > maxSize)
    return fail(
      issue(
        'json/too-large',
        [],
        `The file is ${size.toLocaleString('en-GB')} ${bytes ? 'bytes' : 'characters'}, more than the cap of ${maxSize.toLocaleString('en-GB')}; no protocol needs that. If this one does, raise the cap (loadProtocol's "maxSize", or --max-size on the command line).`,
      ),
    );
  if (!bytes) return { ok: true, text: text! };
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    const at = Math.min(firstInvalidByte(bytes), bytes.length - 1);
    // The column counts characters, as editors do: decode the valid part of the line before the byte.
    let lineStart = at;
    while (lineStart > 0 && bytes[lineStart - 1] !== 10) lineStart--;
    let line = 1;
    for (let i = 0; i < lineStart; i++) if (bytes[i] === 10) line++;
    const before = new TextDecoder('utf-8').decode(bytes.subarray(lineStart, at));
    const column = before.length + 1;
    return fail({
      ...issue(
        'json/invalid-utf8',
        [],
        `Byte ${at} (0x${bytes[at]!.toString(16).toUpperCase().padStart(2, '0')}) is not valid UTF-8; save the file as UTF-8 text (the encoding every editor offers) and check the characters there.`,
      ),
      line,
      column,
    });
  }
}

/** The offset of the first byte that starts no valid UTF-8 sequence (RFC 3629: no overlongs, no surrogates). */
/** @internal */
export function firstInvalidByte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    const n = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (n < 0 || i + n >= bytes.length) return i;
    const c1 = bytes[i + 1]!;
    const low = b === 0xe0 ? 0xa0 : b === 0xf0 ? 0x90 : 0x80;
    const high = b === 0xed ? 0x9f : b === 0xf4 ? 0x8f : 0xbf;
    if (c1 < low || c1 > high) return i;
    for (let k = 2; k <= n; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return i;
    i += n + 1;
  }
  return bytes.length;
}
