import { validate } from "class-validator";
import { NearInput, SearchResourcesInput, TimeWindowInput } from "../search/search.inputs.js";

/**
 * The directory's filters as a GET parameter: `input` is the JSON of the same SearchResourcesInput the search page
 * sends to `searchResources`, checked by the same class-validator rules. Returns the message to answer 400 with
 * when it is not one.
 */
export async function searchInputFromQuery(raw: unknown): Promise<SearchResourcesInput | string> {
  let plain: unknown = {};
  if (typeof raw === "string" && raw !== "") {
    try {
      plain = JSON.parse(raw);
    } catch {
      return "input が正しい JSON ではありません";
    }
  } else if (raw !== undefined) return "input は JSON 文字列で指定してください";
  if (typeof plain !== "object" || plain === null || Array.isArray(plain))
    return "input はオブジェクトで指定してください";
  const { near, timeWindow, ...rest } = plain as Record<string, unknown>;
  const input = Object.assign(new SearchResourcesInput(), rest);
  if (near != null) input.near = Object.assign(new NearInput(), near);
  if (timeWindow != null) input.timeWindow = Object.assign(new TimeWindowInput(), timeWindow);
  const errors = await validate(input, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length) {
    const first = errors[0];
    return `input.${first.property}: ${Object.values(first.constraints ?? {})[0] ?? "値が正しくありません"}`;
  }
  return input;
}
