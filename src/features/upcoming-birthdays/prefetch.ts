import type { QueryClient } from "@tanstack/react-query";
import { upcomingBirthdaysQuery } from "./api";
import { birthdaysParamsFor, previewOf } from "./first-day";
import { readBirthdaysView } from "./url-state";

/** Starts the request BirthdaysPanel asks first (its preview), for the view a URL describes. */
export function prefetchBirthdaysPreview(queryClient: QueryClient, search: URLSearchParams, workspaceId: string, channelId: string, now = Date.now()): void {
  const params = birthdaysParamsFor(readBirthdaysView(search), workspaceId, channelId, now);
  void queryClient.prefetchQuery(upcomingBirthdaysQuery(previewOf(params)));
}
