import { createBrowserRouter, Navigate, useLocation, type RouteObject } from "react-router-dom";
import { SkeletonBlock } from "../components/feedback";
import { AppShell } from "./app-shell";
import { RouteError } from "./route-error";

function ToUsers() {
  const { search } = useLocation();
  return <Navigate replace to={{ pathname: "/users", search }} />;
}

/** Each view is its own chunk: the chart library loads only with the Labels view. */
export const routes: RouteObject[] = [
  {
    path: "/",
    element: <AppShell />,
    errorElement: <RouteError />,
    // Shown while the first lazy view's code arrives.
    hydrateFallbackElement: <SkeletonBlock label="Loading the dashboard" />,
    children: [
      { index: true, element: <ToUsers /> },
      {
        path: "users",
        errorElement: <RouteError />,
        lazy: async () => ({ Component: (await import("../routes/users-route")).UsersRoute }),
      },
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
