/** `npm run schema:emit`: writes schema/schema.graphql, the committed contract the web codegen reads. */
import { writeFileSync } from "node:fs";
import { SCHEMA_FILE, printSchemaSdl } from "../schema-sdl.js";

printSchemaSdl()
  .then((sdl) => {
    writeFileSync(SCHEMA_FILE, sdl);
    console.log(`wrote ${SCHEMA_FILE}`);
  })
  .catch((err) => {
    console.error(err);
    process.exit(1);
  });
