import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';
import type { RequestHandler } from 'express';

/**
 * A tiny Prometheus text-format collector (no dependency): HTTP request counts and durations by
 * route pattern and status, gauges read at scrape time (sockets), process memory, CPU and
 * event-loop delay. Process-wide, like the process it describes.
 */

type Labels = Record<string, string>;

const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

interface HistogramSeries {
  labels: Labels;
  buckets: number[];
  sum: number;
  count: number;
}

const requests = new Map<string, { labels: Labels; value: number }>();
const durations = new Map<string, HistogramSeries>();
const gauges = new Map<string, { help: string; read: () => number }>();
let loopDelay: IntervalHistogram | null = null;

const keyOf = (labels: Labels) => JSON.stringify(labels);

const escapeLabel = (v: string) =>
  v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');

function fmt(labels: Labels): string {
  const parts = Object.entries(labels).map(([k, v]) => `${k}="${escapeLabel(v)}"`);
  return parts.length ? `{${parts.join(',')}}` : '';
}

/** Records one finished HTTP request. `route` is the pattern (`/api/people/:id`), never the raw URL. */
export function observeRequest(
  method: string,
  route: string,
  status: number,
  seconds: number,
): void {
  const labels = { method, route, status: String(status) };
  const key = keyOf(labels);
  const counter = requests.get(key) ?? { labels, value: 0 };
  counter.value += 1;
  requests.set(key, counter);

  const histLabels = { method, route };
  const hkey = keyOf(histLabels);
  let series = durations.get(hkey);
  if (!series) {
    series = { labels: histLabels, buckets: DURATION_BUCKETS.map(() => 0), sum: 0, count: 0 };
    durations.set(hkey, series);
  }
  DURATION_BUCKETS.forEach((le, i) => {
    if (seconds <= le) series.buckets[i] = (series.buckets[i] ?? 0) + 1;
  });
  series.sum += seconds;
  series.count += 1;
}

/** A gauge whose value is read at scrape time (e.g. open socket connections). */
export function registerGauge(name: string, help: string, read: () => number): () => void {
  gauges.set(name, { help, read });
  return () => {
    if (gauges.get(name)?.read === read) gauges.delete(name);
  };
}

/** The route pattern for metrics labels; unmatched URLs collapse into one label (bounded cardinality). */
function routeLabel(req: Parameters<RequestHandler>[0]): string {
  const path: unknown = req.route?.path;
  if (typeof path === 'string') return (req.baseUrl || '') + path;
  return path ? 'spa' : 'unmatched';
}

/** Express middleware that times every request. */
export function httpMetrics(): RequestHandler {
  if (!loopDelay) {
    loopDelay = monitorEventLoopDelay({ resolution: 20 });
    loopDelay.enable();
  }
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    res.once('finish', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      observeRequest(req.method, routeLabel(req), res.statusCode, seconds);
    });
    next();
  };
}

function block(name: string, type: string, help: string, lines: string[]): string {
  return [`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`, ...lines].join('\n');
}

/** The whole registry in Prometheus text exposition format 0.0.4. */
export function renderMetrics(): string {
  const out: string[] = [];
  out.push(
    block(
      'http_requests_total',
      'counter',
      'HTTP requests by method, route pattern and status.',
      [...requests.values()].map((c) => `http_requests_total${fmt(c.labels)} ${c.value}`),
    ),
  );
  const hist: string[] = [];
  for (const s of durations.values()) {
    DURATION_BUCKETS.forEach((le, i) => {
      hist.push(
        `http_request_duration_seconds_bucket${fmt({ ...s.labels, le: String(le) })} ${s.buckets[i] ?? 0}`,
      );
    });
    hist.push(`http_request_duration_seconds_bucket${fmt({ ...s.labels, le: '+Inf' })} ${s.count}`);
    hist.push(`http_request_duration_seconds_sum${fmt(s.labels)} ${s.sum}`);
    hist.push(`http_request_duration_seconds_count${fmt(s.labels)} ${s.count}`);
  }
  out.push(
    block(
      'http_request_duration_seconds',
      'histogram',
      'HTTP request duration by method and route pattern.',
      hist,
    ),
  );
  for (const [name, g] of gauges) {
    let value = NaN;
    try {
      value = g.read();
    } catch {
      // A failing reader reports NaN instead of breaking the scrape.
    }
    out.push(block(name, 'gauge', g.help, [`${name} ${value}`]));
  }

  const mem = process.memoryUsage();
  out.push(
    block('process_resident_memory_bytes', 'gauge', 'Resident memory size in bytes.', [
      `process_resident_memory_bytes ${mem.rss}`,
    ]),
    block('nodejs_heap_size_used_bytes', 'gauge', 'V8 heap used in bytes.', [
      `nodejs_heap_size_used_bytes ${mem.heapUsed}`,
    ]),
    block('nodejs_heap_size_total_bytes', 'gauge', 'V8 heap total in bytes.', [
      `nodejs_heap_size_total_bytes ${mem.heapTotal}`,
    ]),
    block('nodejs_external_memory_bytes', 'gauge', 'Memory of C++ objects bound to JS.', [
      `nodejs_external_memory_bytes ${mem.external}`,
    ]),
  );
  const cpu = process.cpuUsage();
  out.push(
    block('process_cpu_seconds_total', 'counter', 'User and system CPU time in seconds.', [
      `process_cpu_seconds_total ${(cpu.user + cpu.system) / 1e6}`,
    ]),
    block('process_uptime_seconds', 'gauge', 'Process uptime in seconds.', [
      `process_uptime_seconds ${process.uptime()}`,
    ]),
  );
  if (loopDelay) {
    // Delay since the previous scrape: reset after reading so a spike shows up once, then fades.
    const q = (p: number) => (loopDelay?.percentile(p) ?? 0) / 1e9;
    out.push(
      block(
        'nodejs_eventloop_delay_seconds',
        'gauge',
        'Event loop delay since the last scrape, by quantile.',
        [
          `nodejs_eventloop_delay_seconds{quantile="0.5"} ${q(50)}`,
          `nodejs_eventloop_delay_seconds{quantile="0.99"} ${q(99)}`,
          `nodejs_eventloop_delay_seconds{quantile="1"} ${loopDelay.max / 1e9}`,
        ],
      ),
    );
    loopDelay.reset();
  }
  return out.join('\n') + '\n';
}
