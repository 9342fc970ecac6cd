/**
 * An exact minimum-cost flow for the transportation problem matching builds: demand nodes with a supply of people,
 * service nodes with a capacity, arcs from demands to the services that can take them (a cost per person, whole
 * numbers), and an "unmet" arc from every demand with the penalty cost and no limit.
 *
 * Successive shortest paths with node potentials (Dijkstra on reduced costs): each search starts at a demand with
 * people still to place and stops at the first node that can absorb one (a service with room, or "unmet"), then
 * pushes as many people as the path allows. Only the nodes the search settled have their potential changed
 * (π(v) += d(v) − δ, δ the distance to the stopping node), which keeps every residual arc's reduced cost
 * non-negative, so when every person is placed the flow is optimal (docs/matching.md has the proof sketch).
 * The graph is in compressed sparse row form over typed arrays; the heap is an indexed binary heap.
 */

export interface FlowProblem {
  /** People at each demand node (whole numbers). */
  readonly supply: Float64Array;
  /** Capacity of each service node (whole numbers). */
  readonly capacity: Float64Array;
  /** Arcs of demand node d are arcStart[d] to arcStart[d + 1] − 1. */
  readonly arcStart: Uint32Array;
  /** The service node of each arc. */
  readonly arcHead: Uint32Array;
  /** The cost per person of each arc (whole numbers, non-negative). */
  readonly arcCost: Float64Array;
  /** The cost per person left unmet (a whole number). */
  readonly penalty: number;
}

export interface FlowSolution {
  /** People on each arc. */
  readonly flow: Float64Array;
  /** People left unmet at each demand node. */
  readonly unmet: Float64Array;
  /** People placed at each service node. */
  readonly load: Float64Array;
  readonly cost: number;
  readonly searches: number;
}

const none = -1;

class IndexedHeap {
  private readonly nodes: Int32Array;
  private readonly position: Int32Array;
  private size = 0;

  constructor(
    capacity: number,
    private readonly key: Float64Array,
  ) {
    this.nodes = new Int32Array(capacity);
    this.position = new Int32Array(capacity).fill(none);
  }

  get empty(): boolean {
    return this.size === 0;
  }

  /** Inserts the node, or moves it up after its key fell. */
  push(node: number): void {
    let at = this.position[node] as number;
    if (at === none) {
      at = this.size;
      this.size += 1;
    }
    this.up(node, at);
  }

  pop(): number {
    const top = this.nodes[0] as number;
    this.position[top] = none;
    this.size -= 1;
    if (this.size > 0) this.down(this.nodes[this.size] as number, 0);
    return top;
  }

  clear(): void {
    for (let i = 0; i < this.size; i += 1) this.position[this.nodes[i] as number] = none;
    this.size = 0;
  }

  private up(node: number, from: number): void {
    const { nodes, position, key } = this;
    const k = key[node] as number;
    let at = from;
    while (at > 0) {
      const parentAt = (at - 1) >> 1;
      const parent = nodes[parentAt] as number;
      if ((key[parent] as number) <= k) break;
      nodes[at] = parent;
      position[parent] = at;
      at = parentAt;
    }
    nodes[at] = node;
    position[node] = at;
  }

  private down(node: number, from: number): void {
    const { nodes, position, key, size } = this;
    const k = key[node] as number;
    let at = from;
    for (;;) {
      let child = 2 * at + 1;
      if (child >= size) break;
      const right = child + 1;
      if (right < size && (key[nodes[right] as number] as number) < (key[nodes[child] as number] as number)) {
        child = right;
      }
      const childNode = nodes[child] as number;
      if ((key[childNode] as number) >= k) break;
      nodes[at] = childNode;
      position[childNode] = at;
      at = child;
    }
    nodes[at] = node;
    position[node] = at;
  }
}

/** Arcs into each service node, so a search can send people back along arcs that carry flow. */
function reverseIndex(problem: FlowProblem): {
  revStart: Uint32Array;
  revArc: Uint32Array;
  revPos: Uint32Array;
  arcTail: Uint32Array;
} {
  const services = problem.capacity.length;
  const demands = problem.supply.length;
  const arcs = problem.arcHead.length;
  const revStart = new Uint32Array(services + 1);
  for (let k = 0; k < arcs; k += 1) {
    const at = (problem.arcHead[k] as number) + 1;
    revStart[at] = (revStart[at] as number) + 1;
  }
  for (let j = 0; j < services; j += 1)
    revStart[j + 1] = (revStart[j + 1] as number) + (revStart[j] as number);
  const fill = revStart.slice(0, services);
  const revArc = new Uint32Array(arcs);
  const revPos = new Uint32Array(arcs);
  const arcTail = new Uint32Array(arcs);
  for (let d = 0; d < demands; d += 1) {
    for (let k = problem.arcStart[d] as number; k < (problem.arcStart[d + 1] as number); k += 1) {
      arcTail[k] = d;
      const j = problem.arcHead[k] as number;
      revArc[fill[j] as number] = k;
      revPos[k] = fill[j] as number;
      fill[j] = (fill[j] as number) + 1;
    }
  }
  return { revStart, revArc, revPos, arcTail };
}

export function solveMinCostFlow(problem: FlowProblem): FlowSolution {
  const { supply, capacity, arcStart, arcHead, arcCost, penalty } = problem;
  const demands = supply.length;
  const services = capacity.length;
  const unmetNode = demands + services;
  const nodes = unmetNode + 1;
  const { revStart, revArc, revPos, arcTail } = reverseIndex(problem);
  // The arcs into each service that carry people come first in its part of revArc (placed[j] of them), so a
  // search only looks at those.
  const placed = new Uint32Array(services);
  const swapInto = (k: number, at: number) => {
    const other = revArc[at] as number;
    const from = revPos[k] as number;
    revArc[at] = k;
    revPos[k] = at;
    revArc[from] = other;
    revPos[other] = from;
  };
  const setFlow = (k: number, value: number) => {
    const before = flow[k] as number;
    flow[k] = value;
    const j = arcHead[k] as number;
    if (before <= 0 && value > 0) {
      swapInto(k, (revStart[j] as number) + (placed[j] as number));
      placed[j] = (placed[j] as number) + 1;
    } else if (before > 0 && value <= 0) {
      placed[j] = (placed[j] as number) - 1;
      swapInto(k, (revStart[j] as number) + (placed[j] as number));
    }
  };

  const flow = new Float64Array(arcHead.length);
  const unmet = new Float64Array(demands);
  const load = new Float64Array(services);
  const potential = new Float64Array(nodes);
  const distance = new Float64Array(nodes);
  // How each node was reached in the current search: the arc (forward into a service, backward into a demand),
  // or for "unmet" the demand it was reached from.
  const parent = new Int32Array(nodes);
  const labelled = new Uint32Array(nodes);
  const settled = new Int32Array(nodes);
  const heap = new IndexedHeap(nodes, distance);
  let search = 0;

  const relax = (node: number, d: number, via: number) => {
    if (labelled[node] === search && d >= (distance[node] as number)) return;
    labelled[node] = search;
    distance[node] = d;
    parent[node] = via;
    heap.push(node);
  };

  for (let source = 0; source < demands; source += 1) {
    let excess = supply[source] as number;
    while (excess > 0) {
      search += 1;
      let settledCount = 0;
      let target = none;
      relax(source, 0, none);
      while (!heap.empty) {
        const u = heap.pop();
        settled[settledCount] = u;
        settledCount += 1;
        const du = distance[u] as number;
        if (u === unmetNode) {
          target = u;
          break;
        }
        const pu = potential[u] as number;
        if (u < demands) {
          relax(unmetNode, du + penalty + pu - (potential[unmetNode] as number), u);
          for (let k = arcStart[u] as number; k < (arcStart[u + 1] as number); k += 1) {
            const v = demands + (arcHead[k] as number);
            relax(v, du + (arcCost[k] as number) + pu - (potential[v] as number), k);
          }
        } else {
          const j = u - demands;
          if ((load[j] as number) < (capacity[j] as number)) {
            target = u;
            break;
          }
          const end = (revStart[j] as number) + (placed[j] as number);
          for (let r = revStart[j] as number; r < end; r += 1) {
            const k = revArc[r] as number;
            const v = arcTail[k] as number;
            relax(v, du - (arcCost[k] as number) + pu - (potential[v] as number), k);
          }
        }
      }
      heap.clear();
      if (target === none) throw new Error('The unmet node is always reachable, so a search cannot fail.');
      const delta = distance[target] as number;
      for (let i = 0; i < settledCount; i += 1) {
        const v = settled[i] as number;
        potential[v] = (potential[v] as number) + (distance[v] as number) - delta;
      }
      // The bottleneck: the people left at the source, the room at the target, the flow on backward arcs.
      let amount = excess;
      if (target !== unmetNode) {
        const j = target - demands;
        amount = Math.min(amount, (capacity[j] as number) - (load[j] as number));
      }
      let v = target === unmetNode ? (parent[target] as number) : target;
      while (v !== source) {
        const k = parent[v] as number;
        if (v < demands) {
          amount = Math.min(amount, flow[k] as number);
          v = demands + (arcHead[k] as number);
        } else v = arcTail[k] as number;
      }
      if (target === unmetNode) {
        v = parent[target] as number;
        unmet[v] = (unmet[v] as number) + amount;
      } else {
        v = target;
        load[target - demands] = (load[target - demands] as number) + amount;
      }
      while (v !== source) {
        const k = parent[v] as number;
        if (v < demands) {
          setFlow(k, (flow[k] as number) - amount);
          v = demands + (arcHead[k] as number);
        } else {
          setFlow(k, (flow[k] as number) + amount);
          v = arcTail[k] as number;
        }
      }
      excess -= amount;
    }
  }

  let cost = 0;
  for (let k = 0; k < flow.length; k += 1) cost += (flow[k] as number) * (arcCost[k] as number);
  for (let d = 0; d < demands; d += 1) cost += (unmet[d] as number) * penalty;
  return { flow, unmet, load, cost, searches: search };
}
