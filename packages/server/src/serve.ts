import { serve, type ServerType } from "@hono/node-server";
import { createApp, type AppOptions } from "./app.js";

/** Options for {@link startServer}. */
export interface StartOptions extends AppOptions {
  readonly port?: number;
  /** Loopback by default: expose it deliberately. */
  readonly hostname?: string;
}

/** A started server and how to stop it. */
export interface RunningServer {
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

/**
 * Starts the API on Node's HTTP server. Port 0 picks a free port.
 *
 * @example
 * const server = await startServer({ storage, port: 0 });
 * await fetch(`${server.url}/health`);
 * await server.close();
 */
export function startServer(options: StartOptions): Promise<RunningServer> {
  const app = createApp(options);
  const hostname = options.hostname ?? "127.0.0.1";
  return new Promise((resolve) => {
    const server: ServerType = serve(
      { fetch: app.fetch, port: options.port ?? 8787, hostname },
      (info) => {
        resolve({
          url: `http://${hostname}:${info.port}`,
          port: info.port,
          close: () =>
            new Promise<void>((done) => {
              (server as { closeAllConnections?: () => void }).closeAllConnections?.();
              server.close(() => done());
            }),
        });
      },
    );
  });
}
