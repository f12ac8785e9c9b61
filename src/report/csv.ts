// CSV as RFC 4180 writes it, made safe to open in a spreadsheet.

/**
 * One CSV field: quoted (with inner quotes doubled) when it holds a comma, a quote or a line break,
 * as RFC 4180 says. Text starting with `=`, `+`, `-`, `@`, a tab or a carriage return is prefixed
 * with `'`, so that a spreadsheet shows it as text instead of running it as a formula (an agency
 * named `=HYPERLINK(...)` must not become a link). Numbers are written as they are.
 *
 * @param value - text, a number, or null/undefined (an empty field)
 * @returns the field as it goes in the file
 * @example
 * ```ts
 * csvField('Health, Leeds'); // '"Health, Leeds"'
 * csvField('=1+1');          // "'=1+1"
 * ```
 */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Rows as CSV text: fields by {@link csvField}, each record ended by CRLF (RFC 4180).
 *
 * @param rows - the header row first, then the data
 * @returns the CSV text
 */
export function toCsv(rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  return rows.map((row) => `${row.map(csvField).join(',')}\r\n`).join('');
}
