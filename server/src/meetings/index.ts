/** The public surface of this feature for other features: its GraphQL object types. Its tables stay private. */
export { MeetingRecord } from "./meeting-record.entity.js";
