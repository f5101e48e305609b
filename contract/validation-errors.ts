import type { z } from "zod";
import type { ValidationErrorBody, ValidationIssue } from "./responses";

/** Maps zod issues from the query schemas onto the upstream's 400 body, one entry per problem. */
export function toValidationErrorBody(error: z.ZodError): ValidationErrorBody {
  const entries: ValidationIssue[] = [];
  for (const issue of error.issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) {
        entries.push({
          message: `"${key}" is not allowed`,
          path: [key],
          type: "object.unknown",
          context: { key },
        });
      }
      continue;
    }
    const params = (issue as { params?: { type?: string; context?: Record<string, unknown> } }).params;
    entries.push({
      message: issue.message,
      path: issue.path.map((p) => (typeof p === "symbol" ? String(p) : p)),
      type: params?.type ?? "any.invalid",
      context: params?.context ?? {},
    });
  }
  return { error: entries };
}
