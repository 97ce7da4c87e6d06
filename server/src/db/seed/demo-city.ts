/**
 * Deterministic demo data for the fictional city 「みどり野市」(みどりのし, about 30,000 people): areas, host
 * organizations, demo users and (streamed) resource listings. Same seed → identical output.
 *
 *   const city = generateDemoCity();
 *   for (const r of generateResources(city, DEMO_RESOURCE_COUNT)) …
 */
import { AreaType } from "../../areas/area.enums.js";
import { OrgType } from "../../organizations/organization.enums.js";
import { demoPhone, personName, townAddress } from "./demo-city.geo.js";
import { BBOX, CENTRAL_VENUES, CITY_NAME } from "./demo-city.names.js";
import { HOST_ORG_KEY, OFFICE_VENUE, ORGS } from "./demo-city.orgs.js";
import { DEMO_SEED, type DemoArea, type DemoCity, type DemoOrganization, type DemoUser } from "./demo-city.types.js";
import { Rng } from "./rng.js";

export type { DemoArea, DemoCity, DemoOrganization, DemoResource, DemoUser } from "./demo-city.types.js";
export { areaKeysAt, insideBbox, welfareAreaAt } from "./demo-city.geo.js";
export { numberToKana } from "./demo-city.kana.js";

export { DEMO_SEED } from "./demo-city.types.js";
export const DEMO_RESOURCE_COUNT = 320;
export const DEMO_PASSWORD = "tsunagu-demo-2026";
export const DEMO_POPULATION = 30_418;
export { HOST_ORG_KEY };

// ---------------------------------------------------------------------------------------------------------------
// areas (each point's areas follow from demo-city.geo.ts)

const CITY_CODE = "13999"; // not an assigned 全国地方公共団体コード
const area = (key: string, type: AreaType, name: string, nameKana: string, code: string): DemoArea => ({
  key,
  type,
  name,
  nameKana,
  code: `${CITY_CODE}-${code}`,
  parentKeys: ["city"],
});

const AREAS: readonly DemoArea[] = [
  { key: "city", type: AreaType.CITY, name: CITY_NAME[0], nameKana: CITY_NAME[1], code: CITY_CODE, parentKeys: [] },
  area("wa-north", AreaType.WELFARE_AREA, "みどり野北エリア", "ミドリノキタエリア", "W1"),
  area("wa-east", AreaType.WELFARE_AREA, "みどり野東エリア", "ミドリノヒガシエリア", "W2"),
  area("wa-south", AreaType.WELFARE_AREA, "みどり野南エリア", "ミドリノミナミエリア", "W3"),
  area("wa-west", AreaType.WELFARE_AREA, "みどり野西エリア", "ミドリノニシエリア", "W4"),
  area(
    "hk-west",
    AreaType.HOUKATSU_CATCHMENT,
    "やまぶき地域包括支援センター担当区域",
    "ヤマブキチイキホウカツシエンセンタータントウクイキ",
    "H1",
  ),
  area(
    "hk-central",
    AreaType.HOUKATSU_CATCHMENT,
    "みどり野中央地域包括支援センター担当区域",
    "ミドリノチュウオウチイキホウカツシエンセンタータントウクイキ",
    "H2",
  ),
  area(
    "hk-east",
    AreaType.HOUKATSU_CATCHMENT,
    "さくら地域包括支援センター担当区域",
    "サクラチイキホウカツシエンセンタータントウクイキ",
    "H3",
  ),
  area("sd-north", AreaType.SCHOOL_DISTRICT, "若葉小学校区", "ワカバショウガッコウク", "S1"),
  area("sd-central", AreaType.SCHOOL_DISTRICT, "みどり野小学校区", "ミドリノショウガッコウク", "S2"),
  area("sd-south", AreaType.SCHOOL_DISTRICT, "富士見小学校区", "フジミショウガッコウク", "S3"),
];

function buildOrganizations(rng: Rng): DemoOrganization[] {
  return ORGS.map((spec) => {
    const residents = spec.orgType === OrgType.RESIDENT_GROUP;
    const office = OFFICE_VENUE[spec.key];
    const address = office === undefined ? townAddress(rng, spec.town) : CENTRAL_VENUES[office].address;
    const contactName = personName(rng);
    const contactPhone = residents && rng.chance(0.2) ? null : demoPhone(rng);
    const contactEmail = residents && rng.chance(0.5) ? null : `${spec.mail}@example.jp`;
    return {
      key: spec.key,
      name: spec.name,
      nameKana: spec.nameKana,
      orgType: spec.orgType,
      cityRelationship: spec.cityRelationship,
      contactName,
      contactPhone,
      contactEmail,
      address,
    };
  });
}

function buildUsers(): DemoUser[] {
  const u = (email: string, displayName: string, role: DemoUser["role"], organizationKey: string | null): DemoUser => ({
    email,
    displayName,
    role,
    organizationKey,
    password: DEMO_PASSWORD,
  });
  return [
    u("admin@example.jp", "高橋 健一 (システム管理者)", "ADMIN", null),
    u("coordinator@example.jp", "佐藤 みのり (コーディネーター)", "COORDINATOR", "shakyo"),
    u("coordinator2@example.jp", "中村 裕子 (福祉総務課 相談支援包括化推進員)", "COORDINATOR", null),
    u("host@example.jp", "山本 直樹 (社会福祉法人 若葉会)", "HOST", HOST_ORG_KEY),
    u("host2@example.jp", "小林 彩 (ホテルみどり野ガーデン)", "HOST", "co-hotel"),
    u("viewer@example.jp", "伊藤 さくら (閲覧のみ)", "VIEWER", null),
  ];
}

/** Areas (11, four types), 52 organizations with generated contacts, and the demo users. */
export function generateDemoCity(seed: number = DEMO_SEED): DemoCity {
  const rng = new Rng(seed, 1);
  return {
    name: CITY_NAME[0],
    nameKana: CITY_NAME[1],
    population: DEMO_POPULATION,
    bbox: { ...BBOX },
    areas: AREAS.map((a) => ({ ...a, parentKeys: [...a.parentKeys] })),
    organizations: buildOrganizations(rng),
    users: buildUsers(),
  };
}

export { generateResources } from "./demo-city.resources.js";
