import type { Source } from "../downloads/download-handler";
import type { DownloadRecord } from "../downloads/download-links";
import type { UpstreamClient } from "../upstream/client";
import { streamBirthdaysCsv } from "./birthdays-csv";
import { buildUpcomingBirthdays } from "./upcoming-list";

/** A birthday list, built again for the same calendar days (month pages are usually still cached). */
export async function birthdaysSource(deps: { upstream: UpstreamClient }, download: Extract<DownloadRecord, { kind: "birthdays" }>): Promise<Source> {
  const built = await buildUpcomingBirthdays(deps.upstream, { workspaceId: download.workspaceId, channelId: download.channelId, ...download.range });
  if (!built.ok) {
    const body = built.answer.body as { message?: unknown };
    return { status: built.answer.status, message: typeof body.message === "string" ? body.message : "The Dynamo API refused the birthday list. Try the download again." };
  }
  return { write: (out, options, sent) => streamBirthdaysCsv(built.list.items, out, options, sent), discard: () => undefined };
}

