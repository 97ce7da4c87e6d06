import { graphql } from "graphql";
import { Query, Resolver, buildSchema } from "type-graphql";
import { describe, expect, it } from "vitest";
import { authChecker, denyUndeclaredRootFields, Public } from "./access.js";
import { formatError } from "./errors.js";

@Resolver()
class ForgottenResolver {
  @Query(() => String)
  forgotten(): string {
    return "leaked";
  }

  @Public()
  @Query(() => String)
  declared(): string {
    return "ok";
  }
}

describe("deny by default at run time", () => {
  it("answers FORBIDDEN for a root field that declares no access, and runs declared ones", async () => {
    const schema = denyUndeclaredRootFields(await buildSchema({ resolvers: [ForgottenResolver], authChecker }));
    const res = await graphql({ schema, source: "{ forgotten }", contextValue: { viewer: null } });
    expect(res.data).toBeNull();
    expect(res.errors!.map((e) => formatError(e.toJSON(), e).extensions!.code)).toEqual(["FORBIDDEN"]);
    const ok = await graphql({ schema, source: "{ declared }", contextValue: { viewer: null } });
    expect(ok.data).toEqual({ declared: "ok" });
  });
});
