import { queryOptions, useQuery } from "@tanstack/react-query";
import type { SessionAnswer } from "#contract/dashboard-api";
import { apiGet } from "../../lib/api-client";

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
