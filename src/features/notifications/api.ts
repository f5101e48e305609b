import { queryOptions } from "@tanstack/react-query";
import type { SubscriptionPatch } from "#contract/notification-schemas";
import type { DeliveriesPage, MailboxEntry, Subscription, SubscriptionCreated, SubscriptionPreview } from "#contract/notifications";
import { VENDOR_CHANNEL_PARAM } from "#contract/channel-scope";
import { apiGet, apiSend } from "../../lib/api-client";

/** The body of POST /api/subscriptions as the form builds it, with the dashboard's `channelId`. */
export type SubscriptionBody = { channelId: string } & Record<string, unknown>;

/** The body as the API takes it: the channel under the vendor's name, like every other route's. */
const toApi = ({ channelId, ...rest }: SubscriptionBody) => ({ ...rest, [VENDOR_CHANNEL_PARAM]: channelId });

export const notifyKeys = {
  all: ["notifications"] as const,
  subscriptions: () => [...notifyKeys.all, "subscriptions"] as const,
  deliveries: (page: number) => [...notifyKeys.all, "deliveries", page] as const,
  mailbox: () => [...notifyKeys.all, "mailbox"] as const,
};

export const DELIVERIES_PAGE = 25;

export const subscriptionsQuery = () =>
  queryOptions({ queryKey: notifyKeys.subscriptions(), queryFn: ({ signal }) => apiGet<{ items: Subscription[] }>("/subscriptions", {}, signal) });

export const deliveriesQuery = (page: number) =>
  queryOptions({
    queryKey: notifyKeys.deliveries(page),
    queryFn: ({ signal }) => apiGet<DeliveriesPage>("/deliveries", { limit: DELIVERIES_PAGE, offset: (page - 1) * DELIVERIES_PAGE }, signal),
    // A send queued a moment ago moves from pending to sent within seconds: look again while any is in flight.
    refetchInterval: (query) => (query.state.data?.items.some((d) => d.status === "pending" || d.status === "sending") ? 2_000 : false),
  });

export const mailboxQuery = () =>
  queryOptions({ queryKey: notifyKeys.mailbox(), queryFn: ({ signal }) => apiGet<{ items: MailboxEntry[] }>("/mailbox", {}, signal), refetchInterval: 5_000 });

export const createSubscription = (body: SubscriptionBody) => apiSend<SubscriptionCreated>("POST", "/subscriptions", toApi(body));
export const previewSubscription = (body: SubscriptionBody) => apiSend<SubscriptionPreview>("POST", "/subscriptions/preview", toApi(body));
export const patchSubscription = (id: string, patch: SubscriptionPatch) => apiSend<{ subscription: Subscription }>("PATCH", `/subscriptions/${id}`, patch);
export const deleteSubscription = (id: string) => apiSend<void>("DELETE", `/subscriptions/${id}`);
export const sendNow = (id: string) => apiSend<{ deliveryId: string | null; message: string }>("POST", `/subscriptions/${id}/send`);
