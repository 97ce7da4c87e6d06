/** The public surface of this feature for other features: its GraphQL object types. Its tables stay private. */
export { CooperationRequest } from "./cooperation-request.entity.js";
export { HostSupport } from "./host-support.entity.js";
