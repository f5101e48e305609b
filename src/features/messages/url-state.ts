import { useSearchParams } from "react-router-dom";
import { MESSAGE_KINDS } from "#contract/assumptions";
import type { MessageKind } from "#contract/responses";
import { isLabelValue } from "#contract/ids";
import { readDayWindow, type DayWindow } from "../../lib/day-window";
import { readEnum, withParams } from "../../lib/search-params";

/** The Messages view's state, all in the URL: the window (whole UTC days), kind and label. */
export interface MessagesView extends DayWindow {
  kind: MessageKind | undefined;
  label: string | undefined;
}

export function readMessagesView(params: URLSearchParams, now: number): MessagesView {
  const label = params.get("label");
  const kind = readEnum(params, "kind", ["all", ...MESSAGE_KINDS] as const, "all");
  return {
    ...readDayWindow(params, "last7", now),
    kind: kind === "all" ? undefined : kind,
    // The contract's rule for a label value, as the API will check it.
    label: label !== null && isLabelValue(label) ? label : undefined,
  };
}

export function useMessagesView(now: number) {
  const [params, setParams] = useSearchParams();
  const view = readMessagesView(params, now);
  const update = (patch: Partial<MessagesView>) => {
    const next = { ...view, ...patch };
    setParams(withParams(params, { from: next.from, to: next.to, kind: next.kind, label: next.label }), { flushSync: true });
  };
  return { view, update };
}
