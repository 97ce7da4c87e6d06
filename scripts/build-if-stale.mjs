#!/usr/bin/env node
// `npm start` and `npm test` run this first: it builds the server (tsc) and the web client (vite) only when their
// inputs changed since the last build, so a start with nothing changed begins at once.
//
// A build's inputs are hashed by content (not by modification time, which a checkout resets): the workspace's source
// files and configuration, the root tsconfig and package-lock.json (a dependency change rebuilds). The hash is stored
// in dist/.build-inputs after a successful build; a failed build leaves no hash, so the next run builds again.
//   node scripts/build-if-stale.mjs [packages|server|web ...]      (default: all, in that order)
//   TSUNAGU_FORCE_BUILD=1 rebuilds regardless.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

const WORKSPACES = {
  // The workspace packages (packages/*) are built first: the server's node runs their CommonJS dist.
  packages: {
    workspace: "packages",
    inputs: ["packages"],
    skip: (file) => /\.test\.tsx?$/.test(file) || file.split(path.sep).includes("dist"),
    dist: "packages/calendar/dist",
    // Built together; a missing one calls for a build even when the stamp (in the first) matches.
    alsoBuilt: ["packages/labels/dist/labels.js"],
  },
  server: {
    inputs: ["server/src", "server/package.json", "server/tsconfig.json", "server/tsconfig.build.json"],
    // Tests are not compiled into server/dist (tsconfig.build.json), so editing one does not call for a build.
    skip: (file) => /\.test\.tsx?$/.test(file),
    dist: "server/dist",
  },
  web: {
    inputs: [
      "web/src",
      "web/public",
      "web/index.html",
      "web/package.json",
      "web/tsconfig.json",
      "web/vite.config.ts",
      // Bundled from their sources (web/vite.config.ts).
      "packages/calendar/src",
      "packages/labels/src",
    ],
    skip: (file) => /\.test\.tsx?$/.test(file),
    dist: "web/dist",
  },
};
const SHARED_INPUTS = ["package.json", "package-lock.json", "tsconfig.json"];

/** The files of a build's inputs (folders walked), relative to the root, sorted. */
function inputsOf({ inputs, skip }) {
  const files = [];
  for (const input of [...inputs, ...SHARED_INPUTS]) {
    const full = path.join(ROOT, input);
    if (!existsSync(full)) continue;
    if (!statSync(full).isDirectory()) {
      files.push(input);
      continue;
    }
    for (const entry of readdirSync(full, { withFileTypes: true, recursive: true })) {
      const file = path.relative(ROOT, path.join(entry.parentPath, entry.name));
      if (entry.isFile() && !skip(file)) files.push(file);
    }
  }
  return [...new Set(files)].sort();
}

function hashOf(files) {
  const hash = createHash("sha256");
  for (const file of files) {
    hash
      .update(file)
      .update("\0")
      .update(readFileSync(path.join(ROOT, file)))
      .update("\0");
  }
  return hash.digest("hex");
}

let failed = false;
const names = process.argv.slice(2).length ? process.argv.slice(2) : Object.keys(WORKSPACES);
for (const name of names) {
  const workspace = WORKSPACES[name];
  if (!workspace) {
    console.error(`build-if-stale: unknown workspace "${name}" (${Object.keys(WORKSPACES).join(", ")})`);
    process.exit(2);
  }
  const stamp = path.join(ROOT, workspace.dist, ".build-inputs");
  const hash = hashOf(inputsOf(workspace));
  const built = existsSync(stamp) ? readFileSync(stamp, "utf8").trim() : undefined;
  const complete = (workspace.alsoBuilt ?? []).every((file) => existsSync(path.join(ROOT, file)));
  if (built === hash && complete && !process.env.TSUNAGU_FORCE_BUILD) {
    console.log(`${name}: up to date (${workspace.dist})`);
    continue;
  }
  console.log(`${name}: ${built ? "sources changed" : "not built yet"}, building…`);
  const started = Date.now();
  const result = spawnSync("npm", ["run", "build", "-w", workspace.workspace ?? name], { cwd: ROOT, stdio: "inherit" });
  if (result.status !== 0) {
    console.error(`${name}: build failed (exit ${result.status ?? result.signal})`);
    failed = true;
    break;
  }
  writeFileSync(stamp, `${hash}\n`);
  console.log(`${name}: built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
process.exitCode = failed ? 1 : 0;
