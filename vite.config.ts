import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";

/** In development the API server runs beside Vite (see server/dev.ts) and /api is proxied to it. */
const apiPort = process.env.DEV_API_PORT ?? "8787";

/**
 * Writes `route-preloads.json` beside index.html: for each lazy view (`src/routes/<name>-route.tsx`,
 * served at `/<name>`), the chunks it needs that the app's entry does not already load. The server
 * names them in the page it answers for that path (server/http/spa-pages.ts), so a first visit
 * fetches the view's code beside the app's instead of after the app has run and asked for it.
 */
function routePreloads(): Plugin {
  return {
    name: "route-preloads",
    apply: "build",
    generateBundle(_options, bundle) {
      const chunks = new Map(Object.values(bundle).flatMap((file) => (file.type === "chunk" ? [[file.fileName, file] as const] : [])));
      const entry = [...chunks.values()].find((chunk) => chunk.isEntry);
      if (!entry) return;
      const withEntry = new Set([entry.fileName, ...entry.imports]);
      const preloads: Record<string, string[]> = {};
      for (const chunk of chunks.values()) {
        const route = chunk.isDynamicEntry ? /\/src\/routes\/([a-z-]+)-route\.tsx$/.exec(chunk.facadeModuleId ?? "")?.[1] : undefined;
        if (!route) continue;
        const files: string[] = [];
        const visit = (name: string) => {
          if (withEntry.has(name) || files.includes(name)) return;
          files.push(name);
          chunks.get(name)?.imports.forEach(visit);
        };
        visit(chunk.fileName);
        preloads[`/${route}`] = files;
      }
      this.emitFile({ type: "asset", fileName: "route-preloads.json", source: `${JSON.stringify(preloads, null, 2)}\n` });
    },
  };
}

export default defineConfig({
  plugins: [react(), routePreloads()],
  server: {
    host: "127.0.0.1",
    port: 5173,
    proxy: {
      "/api": { target: `http://127.0.0.1:${apiPort}`, changeOrigin: false },
      "/auth": { target: `http://127.0.0.1:${apiPort}`, changeOrigin: false },
    },
  },
  build: {
    outDir: "dist/public",
    emptyOutDir: true,
    target: "es2022",
    // No source maps in what is served: they would publish the sources to anyone.
    sourcemap: false,
    chunkSizeWarningLimit: 600,
  },
});
