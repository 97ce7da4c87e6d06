import { AsyncLocalStorage } from "node:async_hooks";

/**
 * The request id of the request being answered, for the code that formats its errors. Apollo formats some errors
 * (CSRF refusal, a malformed request) before any GraphQL context exists, and every error must still carry the id.
 */
const scope = new AsyncLocalStorage<string>();

export const runWithRequestId = <T>(requestId: string, fn: () => T): T => scope.run(requestId, fn);

export const currentRequestId = (): string | undefined => scope.getStore();
