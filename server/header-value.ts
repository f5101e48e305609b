/** The first value of a header that may arrive repeated (Node gives an array then). */
export function firstHeaderValue(headers: Record<string, string | string[] | undefined>, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}
