import { QueryClientProvider } from "@tanstack/react-query";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { RouterProvider } from "react-router-dom";
import { createQueryClient } from "./app/query-client";
import { createRouter } from "./app/router";
import { startTheme } from "./components/theme";
import { sessionQuery } from "./features/session/api";
import { channelsQuery, workspacesQuery } from "./features/workspace/api";
import "./styles.css";

startTheme();
const queryClient = createQueryClient();
// Every view needs the workspaces and channels: ask for it now, alongside the code, not after the first render.
// (Signed out, their 401 sends the browser to sign-in at once, and back here afterwards.)
void queryClient.prefetchQuery(sessionQuery());
void queryClient.prefetchQuery(workspacesQuery());
void queryClient.prefetchQuery(channelsQuery());
const router = createRouter(queryClient);

createRoot(document.getElementById("root") as HTMLElement).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  </StrictMode>,
);
