import { QueryClient } from "@tanstack/react-query";
import { isApiError } from "../lib/api-client";

/**
 * The server already retries the upstream within its deadline, so the browser retries only
 * when it could not reach our server at all, and once. Everything else shows its message and
 * a Retry button.
 */
export function createQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 60_000,
        refetchOnWindowFocus: false,
        retry: (failures, error) => failures < 1 && isApiError(error) && error.status === 0,
      },
      mutations: { retry: false },
    },
  });
}
