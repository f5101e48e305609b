/**
 * Fault injection, for tests and demos of failure handling. A fault applies to requests whose
 * path starts with `pathPrefix` (all when absent), `times` times (forever when absent).
 */
export interface FaultSpec {
  pathPrefix?: string;
  /** Only requests whose decoded query string holds this (one window of a long trend: `from=2026-09-01T`). */
  searchIncludes?: string;
  times?: number;
  /** Added before answering (or before the fault's own answer). */
  latencyMs?: number;
  /** Answer with this status and a `{ message }` body. */
  status?: number;
  /** Seconds for a `Retry-After` header on the fault's answer. */
  retryAfterS?: number;
  /** 200 with a body that breaks the contract: invalid JSON, or valid JSON of the wrong shape. */
  malformed?: "json" | "shape";
  /** Never answer (the socket stays open until the client gives up or the simulator closes). */
  hang?: boolean;
  /** 200 with a JSON body of this many bytes: an answer larger than a client should buffer. */
  oversizedBytes?: number;
}

export class FaultPlan {
  private faults: { spec: FaultSpec; left: number }[] = [];

  add(spec: FaultSpec): void {
    this.faults.push({ spec, left: spec.times ?? Number.POSITIVE_INFINITY });
  }

  clear(): void {
    this.faults = [];
  }

  /** The fault for this request, consuming one of its uses. */
  take(path: string, search = ""): FaultSpec | undefined {
    const query = decodeURIComponent(search);
    const hit = this.faults.find((f) => f.left > 0 && path.startsWith(f.spec.pathPrefix ?? "") && query.includes(f.spec.searchIncludes ?? ""));
    if (!hit) return undefined;
    hit.left -= 1;
    return hit.spec;
  }
}
