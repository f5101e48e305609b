/**
 * Who should be on an upcoming-birthdays list, worked out independently of the dashboard from
 * a users export: walk the days and, for each, take in the file's order (the vendor's) everyone
 * born on it, or on 29 February when the day is 28 February of a common year.
 */
export function expectedBirthdays(people: readonly { id: string; birthday: string }[], from: string, days: number): { on: string; id: string }[] {
  const out: { on: string; id: string }[] = [];
  for (let i = 0; i < days; i++) {
    const date = new Date(Date.parse(`${from}T00:00:00Z`) + i * 86_400_000);
    const year = date.getUTCFullYear();
    const monthDay = date.toISOString().slice(5, 10);
    const leap = new Date(Date.UTC(year, 1, 29)).getUTCMonth() === 1;
    for (const person of people) {
      const born = person.birthday.slice(-5);
      if (born === monthDay || (!leap && monthDay === "02-28" && born === "02-29")) out.push({ on: date.toISOString().slice(0, 10), id: person.id });
    }
  }
  return out;
}

/** The players of a users CSV (as the dashboard's export writes it) who have a birthday. */
export function peopleWithBirthdays(rows: readonly string[][]): { id: string; birthday: string }[] {
  const [header, ...data] = rows;
  const id = header!.findIndex((h) => h.replace(/^\uFEFF/, "") === "Conversation ID");
  const day = header!.indexOf("Birthday (month-day)");
  const year = header!.indexOf("Birth year");
  return data.filter((row) => row[day]).map((row) => ({ id: row[id]!, birthday: `${row[year] || "-"}-${row[day]}` }));
}
