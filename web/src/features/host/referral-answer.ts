import type { HostResponse } from "../../gql/graphql";

/**
 * Whether the host still owes an answer. The server keeps `canRespond` true through 受け入れ先調整 even after a
 * 受け入れる (it would still take an お断り then), so an answer given is what ends the asking.
 */
export const awaitsAnswer = (referral: { canRespond: boolean; hostResponse?: HostResponse | null }): boolean =>
  referral.canRespond && referral.hostResponse == null;
