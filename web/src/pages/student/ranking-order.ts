/** The stored ranking first, then every paper it leaves out in course order: all papers, ordered. */
export const initialOrder = (papers: { id: string }[], ranked: { paperId: string }[]): string[] => {
  const known = new Set(papers.map((p) => p.id));
  const first = [...new Set(ranked.map((r) => r.paperId))].filter((id) => known.has(id));
  return [...first, ...papers.map((p) => p.id).filter((id) => !first.includes(id))];
};

/** `order` with the item at `from` moved to `to`; out-of-range moves change nothing. */
export const moved = (order: string[], from: number, to: number): string[] => {
  if (from < 0 || from >= order.length || to < 0 || to >= order.length) return order;
  const next = [...order];
  const [item] = next.splice(from, 1);
  if (item !== undefined) next.splice(to, 0, item);
  return next;
};
