import { suggestReading } from "./reading.js";

/** The reading to store: what the user typed, or a suggestion from the name when they left it blank. */
export async function readingOrSuggestion(name: string, given: string | null | undefined): Promise<string> {
  const typed = given?.trim();
  return typed ? typed : suggestReading(name);
}
