// The numbers a cited quote states ("within five working days", "48 hours", "24 to 96 hrs",
// "6 weeks post conference"), so lint can hold them against the timescale the file encodes.

/** @internal The units a document writes, as the duration units they may mean. */
export type QuotedUnit = 'workingDays' | 'days' | 'hours' | 'weeks' | 'months';

/** @internal A number with its unit, as the quote states it. */
export interface Quoted {
  readonly amount: number;
  /** The duration units it may mean: bare "days" may mean working or calendar days. */
  readonly units: readonly QuotedUnit[];
  /** The words, as written. */
  readonly text: string;
}

const WORDS = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
  'twenty',
];
const TENS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];

/** @internal "one" to "thirty" (and "twenty-one" or "twenty one"), or digits, as a number. */
export function numberFrom(word: string): number | undefined {
  const w = word.toLowerCase().replace(/[\s-]+/g, '-');
  if (/^\d{1,5}$/.test(w)) return Number(w);
  if (w === 'thirty') return 30;
  const plain = WORDS.indexOf(w);
  if (plain > 0) return plain;
  const compound = /^twenty-(\w+)$/.exec(w);
  const unit = compound ? TENS.indexOf(compound[1]!) : -1;
  return unit >= 0 ? 21 + unit : undefined;
}

const NUMBER = `(?:\\d{1,5}|thirty|twenty(?:[\\s-](?:${TENS.join('|')}))?|${WORDS.slice(1, 20).join('|')})`;
const UNIT = '(working[\\s-]+days?|calendar[\\s-]+days?|days?|hours?|hrs?|weeks?|months?)';
// "24 to 96 hrs" states both numbers in the unit that follows them.
const QUANTITY = new RegExp(`\\b(${NUMBER})(?:\\s+(?:to|or|-|–)\\s+(${NUMBER}))?[\\s-]+${UNIT}\\b`, 'gi');

function unitsOf(unit: string): QuotedUnit[] {
  const u = unit.toLowerCase();
  if (u.startsWith('working')) return ['workingDays'];
  if (u.startsWith('calendar')) return ['days'];
  if (u.startsWith('day')) return ['workingDays', 'days'];
  if (u.startsWith('h')) return ['hours'];
  if (u.startsWith('week')) return ['weeks'];
  return ['months'];
}

/**
 * @internal Every number of days, hours, weeks or months a quote states. Bounded: the quote is
 * scanned once by a regular expression without nested repetition.
 */
export function quotedQuantities(quote: string): Quoted[] {
  const out: Quoted[] = [];
  const text = quote.slice(0, 10_000);
  // An exec loop on the one global pattern, not matchAll, which copies the pattern on every call
  // (most of lint's time). The loop ends on a failed exec, which sets lastIndex back to 0.
  QUANTITY.lastIndex = 0;
  for (let m = QUANTITY.exec(text); m !== null; m = QUANTITY.exec(text)) {
    const units = unitsOf(m[3]!);
    for (const n of [m[1], m[2]]) {
      const amount = n === undefined ? undefined : numberFrom(n);
      if (amount !== undefined) out.push({ amount, units, text: m[0] });
    }
  }
  return out;
}
