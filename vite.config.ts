import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

/** In development the API server runs beside Vite (see server/dev.ts) and /api is proxied to it. */
const apiPort = process.env.DEV_API_PORT ?? "8787";

export default defineConfig({
  plugins: [react()],
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
