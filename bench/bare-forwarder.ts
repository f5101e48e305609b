import { createServer } from "node:http";
import { Agent, request } from "undici";
import { signedHeaders } from "../server/signing";

/**
 * The floor for the proxy's cost: accept, sign, pipe the upstream's bytes back. No validation,
 * no access checks, no logging; what the dashboard server adds is measured against this.
 */
const [target, apiKey, apiSecret] = [process.env.TARGET!, process.env.API_KEY!, process.env.API_SECRET!];
const dispatcher = new Agent({ keepAliveTimeout: 10_000, connections: 64 });
const server = createServer(async (req, res) => {
  const upstream = await request(target + (req.url ?? "/").replace(/^\/api/, ""), { headers: signedHeaders(apiKey, apiSecret), dispatcher });
  res.writeHead(upstream.statusCode, { "content-type": "application/json" });
  upstream.body.pipe(res);
});
server.listen(0, "127.0.0.1", () => {
  const address = server.address() as { port: number };
  process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${address.port}` })}\n`);
});
process.once("SIGTERM", () => server.close(() => process.exit(0)));
