// Small-count suppression, as UK official statistics do it so that no child can be identified.
//
// Primary: every count from 1 to threshold - 1 is hidden (zeros are shown).
// Secondary: wherever shown counts add up to a shown total (the outcomes of a group add up to the
// cases opened; stages' obligations add up to the protocol's; protocols' add up to all), a single
// hidden count could be recovered by subtraction. So whenever exactly one part of such a sum is
// hidden and its total is shown, the smallest other non-zero part is hidden too (the first, on a
// tie), or the total itself if no such part is left; and this repeats until no sum changes. A
// count is one cell, shared by every table it appears in, so it is hidden in all of them or none.

/** @internal A count in the report before it is published. */
export interface Cell {
  v: number;
  hidden: boolean;
}

/** @internal A published sum: `total` is the sum of `parts`. */
export interface Sum {
  readonly total: Cell;
  readonly parts: readonly Cell[];
}

/** @internal */
export const cell = (): Cell => ({ v: 0, hidden: false });

/** @internal Marks hidden cells in place; returns how many cells were hidden. */
export function suppress(cells: Iterable<Cell>, sums: readonly Sum[], threshold: number): number {
  let hidden = 0;
  for (const c of cells)
    if (c.v > 0 && c.v < threshold && !c.hidden) {
      c.hidden = true;
      hidden++;
    }
  // Each pass hides at least one more cell or stops, so this ends after at most one pass per cell.
  for (let changed = true; changed; ) {
    changed = false;
    for (const sum of sums) {
      if (sum.total.hidden) continue;
      let alone = 0;
      let smallest: Cell | undefined;
      for (const part of sum.parts) {
        if (part.hidden) alone++;
        else if (part.v > 0 && (smallest === undefined || part.v < smallest.v)) smallest = part;
      }
      if (alone !== 1) continue;
      (smallest ?? sum.total).hidden = true;
      hidden++;
      changed = true;
    }
  }
  return hidden;
}
