import { useSearchParams } from "react-router-dom";
import { UPCOMING_RANGE_ORDER, type UpcomingRange } from "#contract/upcoming-birthdays";
import { readEnum, withParams } from "../../lib/search-params";
import { isTimeZone, rememberTimeZone, rememberedTimeZone } from "./time-zones";

export const DEFAULT_RANGE: UpcomingRange = "7";

export interface BirthdaysView {
  range: UpcomingRange;
  /** IANA name; "today" is read in it. */
  zone: string;
}

/** The range and zone live in the URL (links carry them); without a zone, the remembered one. */
export function readBirthdaysView(params: URLSearchParams): BirthdaysView {
  const zone = params.get("tz");
  return { range: readEnum(params, "range", UPCOMING_RANGE_ORDER, DEFAULT_RANGE), zone: isTimeZone(zone) ? zone : rememberedTimeZone() };
}

export function useBirthdaysView() {
  const [params, setParams] = useSearchParams();
  const view = readBirthdaysView(params);
  const update = (patch: Partial<BirthdaysView>) => {
    const next = { ...view, ...patch };
    if (patch.zone) rememberTimeZone(patch.zone);
    setParams(withParams(params, { range: next.range === DEFAULT_RANGE ? undefined : next.range, tz: next.zone }), { flushSync: true });
  };
  return { view, update };
}
