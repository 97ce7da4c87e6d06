/**
 * bench:report runs in a world of its own (data folder, ports, index prefix), so it never disturbs the other
 * benchmarks' data. Imported before bench-env.ts, whose defaults then stay unused.
 */
process.env.TSUNAGU_DATA_DIR ??= ".bench-report-data";
process.env.TSUNAGU_PG_PORT ??= "54355";
process.env.TSUNAGU_MEILI_PORT ??= "7735";
process.env.MEILI_INDEX_PREFIX ??= "report_";
