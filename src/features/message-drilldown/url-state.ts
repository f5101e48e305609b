import { useLocation, useNavigate, useSearchParams } from "react-router-dom";
import { MESSAGE_KINDS } from "#contract/assumptions";
import type { MessageKind } from "#contract/responses";
import { withParams } from "../../lib/search-params";

/** URL keys tied to one workspace: an open bar, and its kind filter, are that workspace's. */
export const DRILL_WORKSPACE_KEYS = ["drill", "kind"] as const;

export interface DrillTarget {
  label: string;
  bucket: string;
}

/** `drill=<label>:<bucket>`; the bucket is the part after the last colon. */
export function readDrill(params: URLSearchParams): DrillTarget | undefined {
  const raw = params.get("drill");
  const at = raw?.lastIndexOf(":") ?? -1;
  if (!raw || at <= 0) return undefined;
  const bucket = raw.slice(at + 1);
  return /^\d{4}-\d{2}-\d{2}$/.test(bucket) ? { label: raw.slice(0, at), bucket } : undefined;
}

export function readKind(params: URLSearchParams): MessageKind | undefined {
  const raw = params.get("kind");
  return (MESSAGE_KINDS as readonly string[]).includes(raw ?? "") ? (raw as MessageKind) : undefined;
}

interface DrillHistoryState {
  /** Set when the app opened the drill-down, so closing can go Back instead of piling entries. */
  drillOpenedHere?: boolean;
}

/**
 * The open drill-down lives in the URL: opening adds a history entry (Back closes it, Forward
 * reopens it), a copied link opens it directly, and the kind filter replaces in place.
 */
export function useDrill() {
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const location = useLocation();
  const state = (location.state ?? {}) as DrillHistoryState;
  return {
    target: readDrill(params),
    kind: readKind(params),
    open(label: string, bucket: string) {
      const next = withParams(params, { drill: `${label}:${bucket}`, kind: undefined });
      navigate({ search: `?${next}` }, { state: { drillOpenedHere: true } satisfies DrillHistoryState });
    },
    close() {
      if (state.drillOpenedHere) navigate(-1);
      else setParams(withParams(params, { drill: undefined, kind: undefined }), { replace: true });
    },
    setKind(kind: MessageKind | undefined) {
      setParams(withParams(params, { kind }), { replace: true, state, flushSync: true });
    },
  };
}
