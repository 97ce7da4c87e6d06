/**
 * 「この受け入れ先には次の内容が表示されます」: recording a consent, the coordinator sees the host's view of the person
 * for the facts ticked, as the server computes it for hosts; it follows the ticks, shows the structured 世帯の事情
 * and never the free-text 世帯の状況. Nothing is recorded until 同意を記録する.
 */
import { describe, expect, it } from "vitest";
import { apiAs, todayInJapan } from "./support/api";
import { useBrowser, visit } from "./support/browser";
import { createPerson } from "./support/seed";

const COORDINATOR = "coordinator@example.jp";
const NAME = "preview 世帯 花子";
const MESSY_ROOM = "室内にごみがたまっている";

const { newSession } = useBrowser();

describe("consent form: preview of the host's view", () => {
  it("shows exactly what the ticked facts release, updates with the ticks, and records nothing", async () => {
    const coordinator = apiAs(COORDINATOR);
    const person = await createPerson(coordinator, {
      displayName: NAME,
      nameKana: "プレビュー セタイ ハナコ",
      householdNote: MESSY_ROOM,
      householdCircumstances: ["NEEDS_TRANSPORT", "CARING_FOR_FAMILY"],
      contactNote: "午後に電話",
      needs: { wantedActivities: ["園芸"] },
      consent: { purpose: "INFORMATION_SHARING", method: "VERBAL", givenOn: todayInJapan(), facts: [] },
    });
    const consentsBefore = await coordinator<{ person: { consents: { id: string }[] } }>(
      `query($id: ID!) { person(id: $id) { consents { id } } }`,
      { id: person.id },
    );

    const { page } = await newSession({ as: COORDINATOR });
    await visit(page, `/people/${person.id}`, NAME);
    await page.getByRole("button", { name: "同意を記録" }).click();
    const form = page.getByRole("form", { name: "同意を記録する" });
    const preview = form.getByRole("region", { name: "この受け入れ先には次の内容が表示されます" });
    await preview.waitFor();

    // The form's default ticks: お名前 and 希望する活動・曜日・配慮.
    await expect.poll(() => preview.innerText()).toContain(NAME);
    expect(await preview.innerText()).toContain("園芸");
    expect(await preview.innerText()).not.toContain("午後に電話");

    const facts = form.getByRole("group", { name: /受け入れ先に伝えてよい事柄/ });
    await facts.getByRole("checkbox", { name: "お名前" }).uncheck();
    await expect.poll(() => preview.innerText()).not.toContain(NAME);
    await facts.getByRole("checkbox", { name: /世帯の事情/ }).check();
    await expect.poll(() => preview.innerText()).toContain("送迎が必要、家族の介護中");
    await facts.getByRole("checkbox", { name: "連絡先・連絡方法" }).check();
    await expect.poll(() => preview.innerText()).toContain("午後に電話");
    expect(await preview.innerText()).not.toContain(MESSY_ROOM);

    const consentsAfter = await coordinator<{ person: { consents: { id: string }[] } }>(
      `query($id: ID!) { person(id: $id) { consents { id } } }`,
      { id: person.id },
    );
    expect(consentsAfter.person.consents).toEqual(consentsBefore.person.consents);
  });
});
