import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** The service's Prometheus metrics, in a registry of its own so that two servers in one process do not mix. */
export class Metrics {
  readonly registry = new Registry();
  readonly requests = new Counter({
    name: 'unmangle_http_requests_total',
    help: 'HTTP requests answered, by route, method and status',
    labelNames: ['route', 'method', 'status'] as const,
    registers: [this.registry],
  });
  readonly duration = new Histogram({
    name: 'unmangle_http_request_duration_seconds',
    help: 'Time from request to answer, by route',
    labelNames: ['route'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });
  readonly bytesIn = new Counter({
    name: 'unmangle_http_request_bytes_total',
    help: 'Request body bytes received, by route',
    labelNames: ['route'] as const,
    registers: [this.registry],
  });
  readonly bytesOut = new Counter({
    name: 'unmangle_http_response_bytes_total',
    help: 'Response body bytes sent, by route',
    labelNames: ['route'] as const,
    registers: [this.registry],
  });
  readonly fixes = new Counter({
    name: 'unmangle_fixes_applied_total',
    help: 'Changes made to texts, by fixer',
    labelNames: ['fixer'] as const,
    registers: [this.registry],
  });
  readonly documents = new Counter({
    name: 'unmangle_documents_total',
    help: 'Documents processed (a batch counts each record), by route and whether anything was changed',
    labelNames: ['route', 'changed'] as const,
    registers: [this.registry],
  });
  readonly inFlight = new Gauge({
    name: 'unmangle_http_requests_in_flight',
    help: 'Requests being handled now',
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'unmangle_' });
  }

  countFixes(steps: ReadonlyArray<{ fixer: string }>): void {
    for (const s of steps) this.fixes.inc({ fixer: s.fixer });
  }

  countFixCounts(counts: Readonly<Record<string, number | undefined>>): void {
    for (const [fixer, n] of Object.entries(counts)) if (fixer !== 'total' && n) this.fixes.inc({ fixer }, n);
  }
}
