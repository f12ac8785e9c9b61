// Working-day figures kept as a histogram (value → how many), so 100,000 cases cost a few dozen
// entries rather than 100,000 numbers, and the median and percentile are still exact.

/** @internal */
export class Histogram {
  readonly counts = new Map<number, number>();
  n = 0;

  add(value: number): void {
    this.counts.set(value, (this.counts.get(value) ?? 0) + 1);
    this.n++;
  }

  /** The value at 1-based rank `k` in ascending order. */
  at(k: number, sorted: readonly (readonly [number, number])[]): number {
    let seen = 0;
    for (const [value, count] of sorted) {
      seen += count;
      if (seen >= k) return value;
    }
    return sorted.at(-1)![0];
  }

  /**
   * Median (the mean of the middle two for an even count), 90th percentile by nearest rank
   * (the value at rank ⌈0.9 n⌉), maximum; null for no values.
   */
  summary(): { median: number; p90: number; max: number } | null {
    if (this.n === 0) return null;
    const sorted = [...this.counts].sort((a, b) => a[0] - b[0]);
    const n = this.n;
    const median = n % 2 === 1 ? this.at((n + 1) / 2, sorted) : (this.at(n / 2, sorted) + this.at(n / 2 + 1, sorted)) / 2;
    return { median, p90: this.at(Math.ceil(0.9 * n), sorted), max: sorted.at(-1)![0] };
  }
}
