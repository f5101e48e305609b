import type { QueryClient } from "@tanstack/react-query";
import { createBrowserRouter, Navigate, useLocation, type RouteObject } from "react-router-dom";
import { SkeletonBlock } from "../components/feedback";
import { UsersRoute } from "../routes/users-route";
import { AppShell } from "./app-shell";
import { RouteError } from "./route-error";
import { useShell } from "../routes/shell-context";

/** The first view: VIP users, or the labels for a role that may not see players. */
function ToFirstView() {
  const { search } = useLocation();
  const { permissions, workspaceId, workspaceError } = useShell();
  if (workspaceError) return null;
  if (!workspaceId) return <SkeletonBlock label="Loading the dashboard" />;
  return <Navigate replace to={{ pathname: permissions.personalData || !permissions.overview ? "/users" : "/labels", search }} />;
}

/**
 * VIP users is the first view and ships with the app; Labels is its own chunk, so the chart
 * library loads only when someone opens it. A view's loader (Birthdays') starts its first
 * request from the URL, with the app's query client, before the view renders.
 */
export const appRoutes = (queryClient: QueryClient): RouteObject[] => [
  {
    path: "/",
    element: <AppShell />,
    errorElement: <RouteError />,
    // Shown while the first lazy view's code arrives.
    hydrateFallbackElement: <SkeletonBlock label="Loading the dashboard" />,
    children: [
      { index: true, element: <ToFirstView /> },
      { path: "users", errorElement: <RouteError />, element: <UsersRoute /> },
      {
        path: "birthdays",
        errorElement: <RouteError />,
        lazy: async () => {
          const { BirthdaysRoute, birthdaysLoader } = await import("../routes/birthdays-route");
          return { Component: BirthdaysRoute, loader: birthdaysLoader(queryClient) };
        },
      },
      {
        path: "labels",
        errorElement: <RouteError />,
        lazy: async () => ({ Component: (await import("../routes/labels-route")).LabelsRoute }),
      },
      {
        path: "messages",
        errorElement: <RouteError />,
        lazy: async () => ({ Component: (await import("../routes/messages-route")).MessagesRoute }),
      },
      {
        path: "notifications",
        errorElement: <RouteError />,
        lazy: async () => ({ Component: (await import("../routes/notifications-route")).NotificationsRoute }),
      },
      {
        path: "audit",
        errorElement: <RouteError />,
        lazy: async () => ({ Component: (await import("../routes/audit-route")).AuditRoute }),
      },
      {
        path: "access",
        errorElement: <RouteError />,
        lazy: async () => ({ Component: (await import("../routes/access-route")).AccessRoute }),
      },
      { path: "*", errorElement: <RouteError />, loader: () => { throw new Response("Not found", { status: 404 }); } },
    ],
  },
];

export const createRouter = (queryClient: QueryClient) => createBrowserRouter(appRoutes(queryClient));
