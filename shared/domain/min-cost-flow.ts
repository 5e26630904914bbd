/**
 * Min-cost flow on a small graph with integer costs: successive shortest paths, found by Dijkstra on
 * reduced costs (Johnson potentials), all paths of the same cost at once. Costs must be non-negative
 * safe integers: every
 * distance and potential is then an exact integer, so "reduced cost is zero" is an exact test, which
 * the paper allocation's tie-break relies on.
 *
 * Edges are stored in pairs: edge `e` and its reverse `e ^ 1`; the reverse's residual capacity is the
 * flow on `e`.
 */
export class FlowGraph {
  private readonly head: number[] = [];
  private readonly residualCap: number[] = [];
  private readonly edgeCost: number[] = [];
  private readonly out: number[][];
  /** After `minCostFlow`: every residual edge has a non-negative reduced cost (the optimality proof). */
  readonly potential: number[];

  constructor(readonly nodes: number) {
    this.out = Array.from({ length: nodes }, () => []);
    this.potential = new Array<number>(nodes).fill(0);
  }

  /** Adds `from → to` and returns its id. */
  addEdge(from: number, to: number, cap: number, cost: number): number {
    if (!Number.isSafeInteger(cost) || cost < 0)
      throw new RangeError(`edge cost ${cost} is not a safe integer ≥ 0`);
    if (!Number.isSafeInteger(cap) || cap < 0)
      throw new RangeError(`edge capacity ${cap} is not an integer ≥ 0`);
    const id = this.head.length;
    this.head.push(to, from);
    this.residualCap.push(cap, 0);
    this.edgeCost.push(cost, -cost);
    this.out[from]!.push(id);
    this.out[to]!.push(id + 1);
    return id;
  }

  to(edge: number): number {
    return this.head[edge]!;
  }

  from(edge: number): number {
    return this.head[edge ^ 1]!;
  }

  /** The reverse of `edge`: pushing along it undoes flow on `edge`. */
  reverse(edge: number): number {
    return edge ^ 1;
  }

  flow(edge: number): number {
    return this.residualCap[edge ^ 1]!;
  }

  residual(edge: number): number {
    return this.residualCap[edge]!;
  }

  reducedCost(edge: number): number {
    return this.edgeCost[edge]! + this.potential[this.from(edge)]! - this.potential[this.to(edge)]!;
  }

  push(edge: number, amount: number): void {
    this.residualCap[edge]! -= amount;
    this.residualCap[edge ^ 1]! += amount;
  }

  /**
   * Sends up to `limit` units from source to sink at the least total cost (always along cheapest
   * paths, so the result is a min-cost flow of its value; with `limit` = Infinity, a min-cost
   * max-flow) and returns the flow sent and the cost of all flow in the graph. Assumes the graph has
   * no flow yet, so that zero potentials are valid at the start.
   *
   * After each Dijkstra, every residual path of zero reduced cost is a cheapest path; they are all
   * used before the next search (a blocking flow on their level graph, as in Dinic's algorithm),
   * which needs one search per distinct path cost instead of one per unit of flow.
   */
  minCostFlow(source: number, sink: number, limit = Infinity): { flow: number; cost: number } {
    let flow = 0;
    while (flow < limit && this.updatePotentials(this.shortestPaths(source, sink), sink)) {
      for (let level = this.levels(source); flow < limit && level[sink]! >= 0; level = this.levels(source)) {
        const next = new Array<number>(this.nodes).fill(0);
        for (let got = 1; got > 0 && flow < limit; flow += got)
          got = this.augment(source, sink, limit - flow, level, next);
      }
    }
    let cost = 0;
    for (let e = 0; e < this.head.length; e += 2) cost += this.flow(e) * this.edgeCost[e]!;
    return { flow, cost };
  }

  /**
   * A path from `start` to `goal` over residual edges of zero reduced cost, avoiding `blocked` nodes
   * (breadth first, so the fewest edges); pushing one unit around such a path closed into a cycle
   * leaves the cost unchanged.
   */
  zeroCostPath(start: number, goal: number, blocked: (node: number) => boolean): number[] | undefined {
    const via = new Array<number>(this.nodes).fill(-1);
    const seen = new Uint8Array(this.nodes);
    seen[start] = 1;
    const queue = [start];
    for (let i = 0; i < queue.length; i++) {
      const u = queue[i]!;
      if (u === goal) {
        const path: number[] = [];
        for (let v = goal; v !== start; v = this.from(via[v]!)) path.push(via[v]!);
        return path.reverse();
      }
      for (const e of this.out[u]!) {
        const v = this.head[e]!;
        if (seen[v] || this.residualCap[e] === 0 || this.reducedCost(e) !== 0 || blocked(v)) continue;
        seen[v] = 1;
        via[v] = e;
        queue.push(v);
      }
    }
    return undefined;
  }

  /**
   * Dijkstra on reduced costs from `source`, stopping once `sink` is settled: the distances of the
   * settled nodes; Infinity for the others (their distance is at least the sink's).
   */
  private shortestPaths(source: number, sink: number): number[] {
    const dist = new Array<number>(this.nodes).fill(Infinity);
    const settled = new Uint8Array(this.nodes);
    const heap = new MinHeap();
    const tentative = new Array<number>(this.nodes).fill(Infinity);
    tentative[source] = 0;
    heap.push(0, source);
    while (heap.size) {
      const d = heap.topKey();
      const u = heap.pop();
      if (settled[u]) continue;
      settled[u] = 1;
      dist[u] = d;
      if (u === sink) break;
      for (const e of this.out[u]!) {
        if (this.residualCap[e] === 0) continue;
        const v = this.head[e]!;
        const nd = d + this.reducedCost(e);
        if (nd < tentative[v]!) {
          tentative[v] = nd;
          heap.push(nd, v);
        }
      }
    }
    return dist;
  }

  /**
   * Adds min(distance, the sink's distance) to each node's potential; false (and no change) when
   * the sink was not reached. Every node not settled is at least as far as the sink, so this keeps
   * every residual edge's reduced cost non-negative, everywhere (the zero-cost path search and the
   * allocation's tie rule rely on that), and makes the cheapest paths to the sink zero-cost.
   */
  private updatePotentials(dist: number[], sink: number): boolean {
    const toSink = dist[sink]!;
    if (toSink === Infinity) return false;
    for (let v = 0; v < this.nodes; v++) {
      this.potential[v]! += Math.min(dist[v]!, toSink);
      if (!Number.isSafeInteger(this.potential[v]))
        throw new RangeError('costs too large for exact arithmetic');
    }
    return true;
  }

  /** Breadth-first levels from `source` over residual edges of zero reduced cost; -1 where not reached. */
  private levels(source: number): number[] {
    const level = new Array<number>(this.nodes).fill(-1);
    level[source] = 0;
    const queue = [source];
    for (let i = 0; i < queue.length; i++) {
      const u = queue[i]!;
      for (const e of this.out[u]!) {
        const v = this.head[e]!;
        if (level[v]! >= 0 || this.residualCap[e] === 0 || this.reducedCost(e) !== 0) continue;
        level[v] = level[u]! + 1;
        queue.push(v);
      }
    }
    return level;
  }

  /**
   * One augmenting path from `u` down the level graph (depth first, `next` remembering each node's
   * first edge not yet found useless): the amount pushed, 0 if none.
   */
  private augment(u: number, sink: number, amount: number, level: number[], next: number[]): number {
    if (u === sink) return amount;
    const edges = this.out[u]!;
    for (; next[u]! < edges.length; next[u]!++) {
      const e = edges[next[u]!]!;
      const v = this.head[e]!;
      if (this.residualCap[e] === 0 || level[v] !== level[u]! + 1 || this.reducedCost(e) !== 0) continue;
      const got = this.augment(v, sink, Math.min(amount, this.residualCap[e]!), level, next);
      if (got > 0) {
        this.push(e, got);
        return got;
      }
    }
    return 0;
  }
}

/** A binary heap of nodes keyed by numbers, smallest key first (two parallel arrays, no allocation per entry). */
class MinHeap {
  private readonly keys: number[] = [];
  private readonly nodes: number[] = [];

  get size(): number {
    return this.keys.length;
  }

  topKey(): number {
    return this.keys[0]!;
  }

  push(key: number, node: number): void {
    let i = this.keys.length;
    this.keys.push(key);
    this.nodes.push(node);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.keys[parent]! <= key) break;
      this.keys[i] = this.keys[parent]!;
      this.nodes[i] = this.nodes[parent]!;
      i = parent;
    }
    this.keys[i] = key;
    this.nodes[i] = node;
  }

  /** Removes and returns the node of the smallest key (the heap must not be empty). */
  pop(): number {
    const top = this.nodes[0]!;
    const key = this.keys.pop()!;
    const node = this.nodes.pop()!;
    const n = this.keys.length;
    if (n === 0) return top;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const c = l + 1 < n && this.keys[l + 1]! < this.keys[l]! ? l + 1 : l;
      if (this.keys[c]! >= key) break;
      this.keys[i] = this.keys[c]!;
      this.nodes[i] = this.nodes[c]!;
      i = c;
    }
    this.keys[i] = key;
    this.nodes[i] = node;
    return top;
  }
}
