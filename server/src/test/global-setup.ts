import type { TestProject } from "vitest/node";
import { startTestBackingServices } from "./test-backing-services.js";

declare module "vitest" {
  export interface ProvidedContext {
    pgServerUrl: string;
    meiliUrl: string;
    meiliKey: string;
  }
}

export default async function setup(project: TestProject) {
  const services = await startTestBackingServices();
  project.provide("pgServerUrl", services.pgServerUrl);
  project.provide("meiliUrl", services.meiliUrl);
  project.provide("meiliKey", services.meiliKey);
  return () => services.stop();
}
