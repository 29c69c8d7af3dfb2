import net from "node:net";

/**
 * A TCP proxy in front of the testbed registry that sends the registry's answers slowly, so that a
 * pull takes long enough to be canceled or to time out. The testbed marks 10.231.0.1:5006 as an
 * insecure registry on every host for exactly this.
 */
export async function startThrottleProxy(opts: {
  listen: { host: string; port: number };
  target: { host: string; port: number };
  bytesPerSecond: number;
}) {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(opts.target.port, opts.target.host);
    sockets.add(client).add(upstream);
    client.pipe(upstream);
    let sending = 0;
    let ended = false;
    upstream.on("data", (chunk: Buffer) => {
      upstream.pause();
      sending++;
      let offset = 0;
      const slice = Math.max(1, Math.floor(opts.bytesPerSecond / 20));
      const tick = () => {
        if (client.destroyed) return;
        client.write(chunk.subarray(offset, offset + slice));
        offset += slice;
        if (offset < chunk.length) return void setTimeout(tick, 50);
        sending--;
        if (ended) client.end();
        else upstream.resume();
      };
      tick();
    });
    const close = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on("error", close).on("close", close);
    upstream.on("error", close).on("end", () => {
      ended = true;
      if (sending === 0) client.end();
    });
  });
  await new Promise<void>((resolve, reject) =>
    server.once("error", reject).listen(opts.listen.port, opts.listen.host, resolve),
  );
  return {
    url: `${opts.listen.host}:${opts.listen.port}`,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise((r) => server.close(r));
    },
  };
}
