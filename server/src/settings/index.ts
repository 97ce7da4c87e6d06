/** The public surface of this feature for other features: its GraphQL object type and the id of its one row. */
export { MunicipalSettings, SETTINGS_ID } from "./municipal-settings.entity.js";
