import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** An HTTP server on 127.0.0.1 with a port of its own, for tests that fetch from "the internet". */
export interface LoopbackServer {
  /** http://127.0.0.1:PORT, with no slash at the end. */
  readonly origin: string;
  close(): Promise<void>;
}

export async function startLoopbackServer(handler: http.RequestListener): Promise<LoopbackServer> {
  const server = http.createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
