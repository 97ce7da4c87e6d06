/**
 * The load generator of bench:load, run in a worker thread so that it does not share the server's event loop:
 * `connections` keep-alive connections, each sending the next request (cycling through `bodies`) as soon as the
 * previous one is answered, for `seconds`. Posts back the latency of every answered request.
 */
import http from "node:http";
import { parentPort, workerData } from "node:worker_threads";

export interface LoadSpec {
  url: string;
  cookie: string;
  bodies: string[];
  connections: number;
  seconds: number;
}

export interface LoadResult {
  /** Milliseconds per successful request. */
  latencies: number[];
  failures: number;
  firstFailure: string | null;
  /** The time actually measured (until the last request in flight came back). */
  seconds: number;
}

function post(agent: http.Agent, url: URL, cookie: string, body: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        method: "POST",
        agent,
        headers: {
          "content-type": "application/json",
          "content-length": Buffer.byteLength(body),
          cookie,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString("utf8") }));
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

async function run(spec: LoadSpec): Promise<LoadResult> {
  const url = new URL(spec.url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: spec.connections });
  const latencies: number[] = [];
  let failures = 0;
  let firstFailure: string | null = null;
  const started = performance.now();
  const until = started + spec.seconds * 1000;
  let next = 0;
  const connection = async () => {
    while (performance.now() < until) {
      const body = spec.bodies[next++ % spec.bodies.length];
      const t = performance.now();
      try {
        const res = await post(agent, url, spec.cookie, body);
        const ok = res.status === 200 && !(JSON.parse(res.text) as { errors?: unknown }).errors;
        if (ok) latencies.push(performance.now() - t);
        else {
          failures++;
          firstFailure ??= `HTTP ${res.status} ${res.text.slice(0, 300)}`;
        }
      } catch (err) {
        failures++;
        firstFailure ??= String(err);
      }
    }
  };
  await Promise.all(Array.from({ length: spec.connections }, connection));
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  return { latencies, failures, firstFailure, seconds };
}

if (parentPort) {
  const port = parentPort;
  void run(workerData as LoadSpec).then((result) => port.postMessage(result));
}
