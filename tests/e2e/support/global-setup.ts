import { existsSync } from "node:fs";
import { chromium, type BrowserServer } from "playwright-core";
import type { TestProject } from "vitest/node";
import { freePort } from "../../../server/src/test/free-port";
import { startTestOidcProvider, type TestOidcProvider } from "../../../server/src/test/oidc-provider";
import { CHROMIUM, CHROMIUM_ARGS } from "./chromium";
import { startServer, type RunningServer } from "./server-process";
import { E2E_OIDC_ACCOUNT, E2E_OIDC_STRANGER } from "./oidc";

declare module "vitest" {
  export interface ProvidedContext {
    e2eBaseUrl: string;
    e2eBrowserWsEndpoint: string;
    /** The test identity provider the server signs in through (OIDC_ISSUER). */
    e2eOidcIssuer: string;
    /** The server's own database (support/database.ts). */
    e2eDatabaseUrl: string;
  }
}

const IPA_GOTHIC = "/usr/share/fonts/opentype/ipafont-gothic";
const INSTALL_HINT = "Run `bash .ci/run` (it installs them) or `apt-get install chromium fonts-ipafont-gothic`.";

/** Fail loudly, never skip: without Debian's Chromium and a Japanese font the browser tests prove nothing. */
function assertSystemPackages() {
  if (!existsSync(CHROMIUM))
    throw new Error(`The browser tests need Debian's Chromium at ${CHROMIUM}, which is missing. ${INSTALL_HINT}`);
  if (!existsSync(IPA_GOTHIC)) {
    throw new Error(
      `The browser tests need the IPA Gothic font (${IPA_GOTHIC}) to render Japanese in screenshots. ${INSTALL_HINT}`,
    );
  }
}

/** One tsunagu server and one Chromium for the whole e2e run; test files connect to both. */
export default async function setup(project: TestProject) {
  assertSystemPackages();
  let server: RunningServer | undefined;
  let browser: BrowserServer | undefined;
  let idp: TestOidcProvider | undefined;
  const teardown = async () => {
    await browser?.close().catch((error: unknown) => console.error("closing Chromium failed", error));
    await server?.stop();
    await idp?.close();
  };
  try {
    // A real OpenID provider on loopback, so that 「自治体のアカウントでログイン」 runs in the browser (oidc.test.ts).
    const port = await freePort();
    idp = await startTestOidcProvider(`http://127.0.0.1:${port}/auth/oidc/callback`, [
      E2E_OIDC_ACCOUNT,
      E2E_OIDC_STRANGER,
    ]);
    server = await startServer({
      port,
      env: {
        OIDC_ISSUER: idp.issuer,
        OIDC_CLIENT_ID: idp.clientId,
        OIDC_CLIENT_SECRET: idp.clientSecret,
        OIDC_REDIRECT_URI: idp.redirectUri,
      },
    });
    browser = await chromium.launchServer({
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
    });
  } catch (error) {
    await teardown();
    throw error;
  }
  project.provide("e2eBaseUrl", server.baseUrl);
  project.provide("e2eBrowserWsEndpoint", browser.wsEndpoint());
  project.provide("e2eOidcIssuer", idp.issuer);
  project.provide("e2eDatabaseUrl", server.databaseUrl);
  return teardown;
}
