import { createBrowserRouter, Navigate, useLocation, type RouteObject } from "react-router-dom";
import { SkeletonBlock } from "../components/feedback";
import { UsersRoute } from "../routes/users-route";
import { AppShell } from "./app-shell";
import { RouteError } from "./route-error";

function ToUsers() {
  const { search } = useLocation();
  return <Navigate replace to={{ pathname: "/users", search }} />;
}

/**
 * VIP users is the first view and ships with the app; Labels is its own chunk, so the chart
 * library loads only when someone opens it.
 */
export const routes: RouteObject[] = [
  {
    path: "/",
    element: <AppShell />,
    errorElement: <RouteError />,
    // Shown while the first lazy view's code arrives.
    hydrateFallbackElement: <SkeletonBlock label="Loading the dashboard" />,
    children: [
      { index: true, element: <ToUsers /> },
      { path: "users", errorElement: <RouteError />, element: <UsersRoute /> },
      {
        path: "labels",
        errorElement: <RouteError />,
        lazy: async () => ({ Component: (await import("../routes/labels-route")).LabelsRoute }),
      },
      { path: "*", errorElement: <RouteError />, loader: () => { throw new Response("Not found", { status: 404 }); } },
    ],
  },
];

export const createRouter = () => createBrowserRouter(routes);
