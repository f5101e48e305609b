import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import type { ExportAnswer, UpcomingBirthdays } from "#contract/dashboard-api";
import { apiGet, apiPost } from "../../lib/api-client";

export interface BirthdaysParams {
  workspaceId: string;
  channelId: string;
  /** First calendar day, `YYYY-MM-DD`. */
  from: string;
  days: number;
  /** Each birthday month's first page only: the preview shown while the whole list loads. */
  firstPage?: "true";
}

export const upcomingBirthdaysQuery = (params: BirthdaysParams) =>
  queryOptions({
    queryKey: ["upcoming-birthdays", params] as const,
    queryFn: ({ signal }) => apiGet<UpcomingBirthdays>("/birthdays/upcoming", { ...params }, signal),
    // The previous range stays on screen (marked busy) while the next one loads.
    placeholderData: keepPreviousData,
    // A big studio's month is twelve thousand players: comparing a new list with the old one
    // field by field costs more than it could save (a list is replaced whole).
    structuralSharing: false,
  });

export const exportUpcomingBirthdays = (params: BirthdaysParams) => apiPost<ExportAnswer>("/birthdays/export", { ...params });
