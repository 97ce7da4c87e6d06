/** The public surface of this feature for other features: its GraphQL object types. Its tables stay private. */
export { Area } from "./area.entity.js";
