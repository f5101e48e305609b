/**
 * Birthdays as the API gives them: `YYYY-MM-DD`, or `--MM-DD` when the year is unknown
 * ([assumed], API.md). Kept apart from the schemas so the dashboard's pages, which read
 * birthdays too, need not carry the schema library.
 */
export const BIRTHDAY_PATTERN = /^(?:(\d{4})-|--)(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** A birthday's parts; `year` is undefined when the year is unknown. */
export function parseBirthday(value: string | null | undefined): { year: number | undefined; month: number; day: number } | undefined {
  const match = value ? BIRTHDAY_PATTERN.exec(value) : null;
  if (!match) return undefined;
  return { year: match[1] ? Number(match[1]) : undefined, month: Number(match[2]), day: Number(match[3]) };
}

