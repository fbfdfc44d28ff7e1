import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** The Prometheus metrics of one server, in a registry of its own (tests run several servers). */
export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return {
    registry,
    httpRequests: new Counter({
      name: 'http_requests_total',
      help: 'HTTP requests answered, by method, route and status',
      labelNames: ['method', 'route', 'status'] as const,
      registers: [registry],
    }),
    httpDuration: new Histogram({
      name: 'http_request_duration_seconds',
      help: 'HTTP request latency in seconds, by method and route',
      labelNames: ['method', 'route'] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    dbStatements: new Counter({
      name: 'db_statements_total',
      help: 'SQL statements sent to the database',
      registers: [registry],
    }),
    writeGroups: new Counter({
      name: 'db_write_groups_total',
      help: 'SQLite write-lane transactions (groups of queued writes committed together)',
      registers: [registry],
    }),
    groupedWrites: new Counter({
      name: 'db_write_group_writes_total',
      help: 'Writes run in SQLite write-lane groups; divided by db_write_groups_total, the writes per commit',
      registers: [registry],
    }),
    writeLaneBusy: new Counter({
      name: 'db_write_lane_busy_seconds_total',
      help: 'Seconds the SQLite write lane spent running a group, from BEGIN to COMMIT',
      registers: [registry],
    }),
    graphqlErrors: new Counter({
      name: 'graphql_errors_total',
      help: 'GraphQL errors returned, by extensions.code',
      labelNames: ['code'] as const,
      registers: [registry],
    }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
