// Every fake listens the same way: on 127.0.0.1, on a port the system picks.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Starts the server and answers its base URL. */
export async function listenOnLoopback(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}
