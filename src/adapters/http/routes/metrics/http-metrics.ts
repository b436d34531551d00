import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';

/** Upper bounds (seconds) of the request-duration histogram buckets. */
export const durationBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] as const;

/** A value exported as a gauge when `/metrics` is read. */
export interface GaugeSource {
  readonly name: string;
  readonly help: string;
  /** Undefined leaves the gauge out (e.g. the screening index before its first build). */
  readonly value: () => number | undefined;
}

interface Series {
  readonly method: string;
  readonly route: string;
  readonly status: string;
  count: number;
  sum: number;
  readonly buckets: number[];
}

/** Request counters and duration histograms by method, route template and status, in memory. */
export interface HttpMetrics {
  observe(method: string, route: string, status: number, seconds: number): void;
  /** Everything in the Prometheus text exposition format (version 0.0.4). */
  render(gauges: readonly GaugeSource[]): string;
  /** Stops the event-loop delay monitor. */
  close(): void;
}

const escapeLabel = (value: string): string =>
  value.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');

const number = (value: number): string =>
  Number.isFinite(value) ? String(value) : value > 0 ? '+Inf' : value < 0 ? '-Inf' : 'NaN';

/**
 * Creates the metrics of one process. Route labels are templates (`/v1/cases/:id`), never raw
 * URLs, so the number of series stays bounded whatever clients send.
 */
export function createHttpMetrics(): HttpMetrics {
  const series = new Map<string, Series>();
  const loopDelay: IntervalHistogram = monitorEventLoopDelay({ resolution: 20 });
  loopDelay.enable();
  const startedAt = Date.now() / 1000 - process.uptime();

  return {
    observe(method, route, status, seconds) {
      const key = `${method} ${route} ${status}`;
      let s = series.get(key);
      if (s === undefined) {
        s = {
          method,
          route,
          status: String(status),
          count: 0,
          sum: 0,
          buckets: durationBuckets.map(() => 0),
        };
        series.set(key, s);
      }
      s.count += 1;
      s.sum += seconds;
      for (let i = 0; i < durationBuckets.length; i++) {
        if (seconds <= (durationBuckets[i] ?? 0)) s.buckets[i] = (s.buckets[i] ?? 0) + 1;
      }
    },

    render(gauges) {
      const out: string[] = [];
      const sorted = [...series.values()].sort((a, b) =>
        `${a.route} ${a.method} ${a.status}`.localeCompare(`${b.route} ${b.method} ${b.status}`),
      );
      const labels = (s: Series) =>
        `method="${escapeLabel(s.method)}",route="${escapeLabel(s.route)}",status="${s.status}"`;

      out.push(
        '# HELP cordon_http_requests_total HTTP requests answered, by method, route and status.',
      );
      out.push('# TYPE cordon_http_requests_total counter');
      for (const s of sorted) out.push(`cordon_http_requests_total{${labels(s)}} ${s.count}`);

      out.push(
        '# HELP cordon_http_request_duration_seconds Time to answer HTTP requests, by method, route and status.',
      );
      out.push('# TYPE cordon_http_request_duration_seconds histogram');
      for (const s of sorted) {
        durationBuckets.forEach((le, i) => {
          out.push(
            `cordon_http_request_duration_seconds_bucket{${labels(s)},le="${le}"} ${s.buckets[i] ?? 0}`,
          );
        });
        out.push(`cordon_http_request_duration_seconds_bucket{${labels(s)},le="+Inf"} ${s.count}`);
        out.push(`cordon_http_request_duration_seconds_sum{${labels(s)}} ${number(s.sum)}`);
        out.push(`cordon_http_request_duration_seconds_count{${labels(s)}} ${s.count}`);
      }

      const memory = process.memoryUsage();
      const cpu = process.cpuUsage();
      const gauge = (name: string, help: string, value: number, type = 'gauge') => {
        out.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`, `${name} ${number(value)}`);
      };
      gauge('process_resident_memory_bytes', 'Resident memory size in bytes.', memory.rss);
      gauge('nodejs_heap_used_bytes', 'V8 heap in use, bytes.', memory.heapUsed);
      gauge('nodejs_heap_total_bytes', 'V8 heap allocated, bytes.', memory.heapTotal);
      gauge(
        'nodejs_external_memory_bytes',
        'Memory of C++ objects bound to JavaScript, bytes.',
        memory.external,
      );
      gauge(
        'process_cpu_seconds_total',
        'User and system CPU time spent, seconds.',
        (cpu.user + cpu.system) / 1e6,
        'counter',
      );
      gauge(
        'process_start_time_seconds',
        'Start time of the process since the Unix epoch, seconds.',
        Math.round(startedAt),
      );
      gauge(
        'nodejs_eventloop_delay_p99_seconds',
        'Event-loop delay, 99th percentile since start, seconds.',
        loopDelay.percentile(99) / 1e9,
      );
      for (const g of gauges) {
        const value = g.value();
        if (value !== undefined) gauge(g.name, g.help, value);
      }
      return `${out.join('\n')}\n`;
    },

    close() {
      loopDelay.disable();
    },
  };
}
