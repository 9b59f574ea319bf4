/**
 * The order of a review's groups, the same in every view (a rep's pipeline, a team's review): no
 * store needed to apply it.
 */
/** Classes by rank (best first), then provisional, then accounts not yet classified. */
export function orderGroups<T extends { key: string; class?: string; rank?: number }>(groups: T[]): T[] {
  // classes by rank, then provisional, the not yet classified, and last the signed (won, not in play)
  const order = (g: T) => (g.class !== undefined ? [0, g.rank ?? 999, g.key] : [g.key === 'provisional' ? 1 : g.key === 'signed' ? 3 : 2, 0, g.key]) as [number, number, string];
  return groups.sort((a, b) => {
    const x = order(a);
    const y = order(b);
    return x[0] - y[0] || x[1] - y[1] || x[2].localeCompare(y[2]);
  });
}
