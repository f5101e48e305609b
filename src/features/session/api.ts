import { queryOptions, useQuery } from "@tanstack/react-query";
import type { RoleName } from "#contract/access";
import type { SessionAnswer } from "#contract/dashboard-api";
import type { OwnAccessRequest } from "#contract/grants";
import { apiGet, apiSend } from "../../lib/api-client";

export const sessionKeys = { all: ["session"] as const };

/** Who is signed in and what they may do; public, so it answers before sign-in too. */
export const sessionQuery = () =>
  queryOptions({
    queryKey: sessionKeys.all,
    queryFn: ({ signal }) => apiGet<SessionAnswer>("/session", {}, signal),
    staleTime: 5 * 60_000,
  });

export const useSession = () => useQuery(sessionQuery());

/** The sign-in address that brings the browser back to `returnTo` afterwards. */
export const signInHref = (session: SessionAnswer, returnTo: string): string | undefined =>
  session.signInUrl ? `${session.signInUrl}?returnTo=${encodeURIComponent(returnTo)}` : undefined;

/** Asks an admin for access: where (when known), the role a page said it needs, and a note. */
export const askForAccess = (body: { workspaceId?: string; role: RoleName; note?: string }) =>
  apiSend<{ request: OwnAccessRequest }>("POST", "/access-requests", body);

/** Puts an answered request away: the next visit no longer says it. */
export const dismissAnswer = (id: string) => apiSend<void>("POST", `/access-requests/${id}/dismiss`);
