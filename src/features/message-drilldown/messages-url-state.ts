import { useSearchParams } from "react-router-dom";
import { MESSAGE_KINDS } from "#contract/assumptions";
import type { MessageKind } from "#contract/responses";
import { presetWindow, type DayWindow } from "../../lib/day-window";
import { readEnum, withParams } from "../../lib/search-params";

/** The Messages view's state, all in the URL: the window (whole UTC days), kind and label. */
export interface MessagesView extends DayWindow {
  kind: MessageKind | undefined;
  label: string | undefined;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const LABEL = /^[\w-]{1,100}$/;

export function readMessagesView(params: URLSearchParams, now: number): MessagesView {
  const fallback = presetWindow("last7", now);
  const from = params.get("from");
  const to = params.get("to");
  const label = params.get("label");
  const kind = readEnum(params, "kind", ["all", ...MESSAGE_KINDS] as const, "all");
  return {
    from: from !== null && (DATE.test(from) || from === "") ? from : fallback.from,
    to: to !== null && (DATE.test(to) || to === "") ? to : fallback.to,
    kind: kind === "all" ? undefined : kind,
    label: label !== null && LABEL.test(label) ? label : undefined,
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
