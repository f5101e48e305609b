import type { ValidationErrorBody } from "#contract/responses";
import type { UpstreamRoute } from "#contract/routes";
import { toValidationErrorBody } from "#contract/validation-errors";

export type ValidatedQuery<T> =
  | { ok: true; parsed: T; forward: URLSearchParams }
  | { ok: false; body: ValidationErrorBody };

/**
 * Validates the browser's parameters (query string, or a POST's JSON body of the same
 * strings) against the route's rules. What is forwarded is rebuilt from the validated
 * parameters only (each given once, all known), never the raw query string.
 */
export function validateQuery<T>(route: UpstreamRoute, input: Record<string, unknown>): ValidatedQuery<T> {
  const result = route.query.safeParse(input);
  if (!result.success) return { ok: false, body: toValidationErrorBody(result.error) };
  const forward = new URLSearchParams();
  for (const [key, value] of Object.entries(input)) forward.append(key, value as string);
  return { ok: true, parsed: result.data as T, forward };
}
