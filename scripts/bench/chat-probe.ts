/**
 * Preloaded into a benchmarked server process (`node --expose-gc --import tsx --import
 * ./scripts/bench/chat-probe.ts …`): a loopback-only HTTP endpoint on BENCH_PROBE_PORT that
 * reports the process's CPU time and memory, after a full garbage collection when asked
 * (`/probe?gc=1`, needs --expose-gc). Nothing of it is part of the portal.
 */
import http from 'node:http';

const port = Number(process.env.BENCH_PROBE_PORT);
if (port > 0) {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const collect = (globalThis as { gc?: () => void }).gc;
    if (url.searchParams.get('gc') === '1' && collect) {
      // Several rounds: weak callbacks and finalizers free more on the following passes.
      for (let i = 0; i < 3; i += 1) collect();
    }
    const cpu = process.cpuUsage();
    const mem = process.memoryUsage();
    res.setHeader('content-type', 'application/json');
    res.end(
      JSON.stringify({
        cpuMs: (cpu.user + cpu.system) / 1000,
        rss: mem.rss,
        heapUsed: mem.heapUsed,
        heapTotal: mem.heapTotal,
        external: mem.external,
        gc: Boolean(collect),
        at: performance.now(),
      }),
    );
  });
  server.listen(port, '127.0.0.1');
  server.unref();
}
