/**
 * A bar's accessible name: "<label>, [week of ]<date>[ (<partial note>)]: <n> messages", and in
 * the table's rate view the rate it shows: ", 3.5%"; an unusual period adds "; unusual: …" before
 * it, and the team's events "; events: …" after that. Groups: 1 label, 2 "week of ", 3 date,
 * 4 partial note, 5 count, 6 rate.
 */
export const BAR_NAME = /^(.+), (week of )?(\d{4}-\d{2}-\d{2})(?: \(([^)]+)\))?: (\d[\d,.\u00a0\u202f]*) messages?(?:; unusual: [^,]+)?(?:; events: .+?)?(?:, ([\d.,]+\u00a0?%|–))?$/;

/** The count a bar's name states, whatever the locale's digit grouping. */
export const countInName = (name: string | null): number => Number(BAR_NAME.exec(name ?? "")![5]!.replace(/\D/g, ""));
