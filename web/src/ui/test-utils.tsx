import type { ReactElement } from "react";
import { render } from "@testing-library/react";
import { ApolloLink } from "@apollo/client";
import { MockedProvider } from "@apollo/client/testing/react";
import { MockLink } from "@apollo/client/testing";
import { createMemoryRouter, RouterProvider, type RouteObject } from "react-router";
import { createCache } from "../app/apollo";

// Component tests only (not bundled): a page on mocked GraphQL responses inside a memory router, with the app's own
// cache (type policies and pagination behave as in the app).

export interface RenderedPage {
  /** The variables of every operation that reached the (mocked) network, in order. */
  sent: { operationName: string; variables: Record<string, unknown> }[];
  router: ReturnType<typeof createMemoryRouter>;
}

/**
 * Renders `element` at `path` (a route pattern such as `/resources/:resourceId`) opened at `url`. `otherRoutes`
 * stand in for the pages a test navigates to (e.g. `{ path: "/host", element: <p>host</p> }`).
 */
export function renderPage(
  element: ReactElement,
  {
    path,
    url,
    mocks,
    otherRoutes = [],
  }: {
    path: string;
    url: string;
    mocks: MockLink.MockedResponse[];
    otherRoutes?: RouteObject[];
  },
): RenderedPage {
  const sent: RenderedPage["sent"] = [];
  const recorder = new ApolloLink((operation, forward) => {
    sent.push({ operationName: operation.operationName ?? "", variables: operation.variables });
    return forward(operation);
  });
  const router = createMemoryRouter([{ path, element }, ...otherRoutes], { initialEntries: [url] });
  render(
    <MockedProvider link={ApolloLink.from([recorder, new MockLink(mocks)])} cache={createCache()}>
      <RouterProvider router={router} />
    </MockedProvider>,
  );
  return { sent, router };
}
