/** The public surface of this feature for other features: its GraphQL object types. Its tables stay private. */
export { ConsultationIntake } from "./consultation-intake.entity.js";
