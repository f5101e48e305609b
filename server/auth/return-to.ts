/**
 * Where to go after sign-in: a path on this dashboard only ("/labels?ws=…"), never another
 * site ("//evil.example", "https://…", "/\\evil"), else the start page.
 */
export function safeReturnTo(value: unknown): string {
  if (typeof value !== "string" || value.length > 2000) return "/";
  // oxlint-disable-next-line no-control-regex -- control characters are exactly what is refused
  if (!value.startsWith("/") || value.startsWith("//") || /[\u0000-\u001f\\]/.test(value)) return "/";
  if (value.startsWith("/auth/") || value.startsWith("/api/")) return "/";
  return value;
}
