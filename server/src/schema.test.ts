import { readFileSync } from "node:fs";
import { GraphQLObjectType } from "graphql";
import { describe, expect, it } from "vitest";
import { ACCESS_EXTENSION } from "./core/access.js";
import { getSchema } from "./schema.js";
import { SCHEMA_FILE, printSchemaSdl } from "./schema-sdl.js";

describe("schema", () => {
  it("declares access on every root field (deny by default)", async () => {
    const schema = await getSchema();
    const undeclared: string[] = [];
    const declared: string[] = [];
    for (const root of [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()]) {
      if (!(root instanceof GraphQLObjectType)) continue;
      for (const field of Object.values(root.getFields())) {
        const access = field.extensions?.[ACCESS_EXTENSION];
        (access === "public" || access === "signed-in" || Array.isArray(access) ? declared : undeclared).push(
          `${root.name}.${field.name}`,
        );
      }
    }
    expect(undeclared).toEqual([]);
    expect(declared).toEqual(
      expect.arrayContaining(["Query.resources", "Mutation.createResource", "Mutation.createArea"]),
    );
  });

  it("matches the committed schema/schema.graphql (run `npm run schema:emit` after changing the API)", async () => {
    expect(readFileSync(SCHEMA_FILE, "utf8")).toBe(await printSchemaSdl());
  });

  it("keeps secrets out of the API", async () => {
    const sdl = await printSchemaSdl();
    expect(sdl).not.toMatch(/passwordHash|tokenHash|UserCredential|readingKey/);
  });
});
