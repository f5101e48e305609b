import { useSearchParams } from "react-router-dom";
import { readInt, withParams } from "../../lib/search-params";

export const PAGE_SIZES = [25, 50, 100, 200] as const;
export const DEFAULT_PAGE_SIZE = 50;

/** URL keys tied to one workspace: a page number means nothing in another. */
export const USERS_WORKSPACE_KEYS = ["page"] as const;

export interface UsersView {
  hasBirthday: boolean;
  /** `month` in the URL (short links); the filter is the birthday month everywhere else. */
  birthdayMonth: number | undefined;
  /** 1-based. */
  page: number;
  size: number;
}

export function readUsersView(params: URLSearchParams): UsersView {
  const size = readInt(params, "size", 1, 1000);
  return {
    hasBirthday: params.get("birthday") === "known",
    birthdayMonth: readInt(params, "month", 1, 12),
    page: readInt(params, "page", 1, 1_000_000) ?? 1,
    size: PAGE_SIZES.includes(size as (typeof PAGE_SIZES)[number]) ? (size as number) : DEFAULT_PAGE_SIZE,
  };
}

/** The users view's state lives in the URL; changing a filter goes back to the first page. */
export function useUsersView() {
  const [params, setParams] = useSearchParams();
  const view = readUsersView(params);
  const update = (patch: Partial<UsersView>) => {
    const next = { ...view, ...patch };
    const filterChanged =
      patch.hasBirthday !== undefined || "birthdayMonth" in patch || (patch.size !== undefined && patch.size !== view.size);
    if (filterChanged && patch.page === undefined) next.page = 1;
    setParams(
      withParams(params, {
        birthday: next.hasBirthday ? "known" : undefined,
        month: next.birthdayMonth,
        page: next.page > 1 ? next.page : undefined,
        size: next.size !== DEFAULT_PAGE_SIZE ? next.size : undefined,
      }),
      // Controls read their value from the URL: apply it now, not in a transition, or a
      // checkbox would show its old state for a moment after the click.
      { flushSync: true },
    );
  };
  return { view, update };
}
