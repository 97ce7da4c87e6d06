import type { DataSource } from "typeorm";

/** The hash the chain starts from (migration AuditChainAndPublicContact1796700400000). */
export const GENESIS_HASH = "0".repeat(64);

/** What a broken link is: a row whose content no longer gives its hash, a missing row, or a link that does not hold. */
export type ChainBreak = "CONTENT_CHANGED" | "ROW_MISSING" | "LINK_BROKEN" | "GAP_RECORD_BROKEN" | "HEAD_MISMATCH";

export interface ChainVerification {
  ok: boolean;
  /** Rows checked (every row of audit_event). */
  rows: number;
  /** Runs of rows the retention purge removed, crossed by their recorded hashes. */
  gaps: number;
  /** The first broken link, in chain order. */
  firstBreak: { seq: string; id: string | null; reason: ChainBreak; detail: string } | null;
}

interface ChainRow {
  id: string;
  chain_seq: string;
  prev_hash: string;
  row_hash: string;
  computed: string;
}

interface Gap {
  from_seq: string;
  to_seq: string;
  prev_hash: string;
  last_hash: string;
}

const BATCH = 5000;

/**
 * Walks audit_event in chain order (chain_seq) and checks, for each row: that its content still gives its row_hash
 * (the database's own audit_event_hash, the function the insert trigger used), that it follows the previous row
 * (seq + 1, prev_hash = the previous row's hash) or a run the retention purge recorded in audit_chain_gap, and at the
 * end that the chain's head (audit_chain) is the last row: a deleted newest row is found too. One REPEATABLE READ
 * snapshot, so rows being written meanwhile are either wholly in or out. Reads in batches of BATCH rows.
 */
export async function verifyAuditChain(db: DataSource): Promise<ChainVerification> {
  return db.transaction("REPEATABLE READ", async (tx) => {
    const [head]: { last_seq: string; last_hash: string }[] = await tx.query(
      "SELECT last_seq::text, last_hash FROM audit_chain WHERE id = 1",
    );
    const gapRows: Gap[] = await tx.query(
      "SELECT from_seq::text, to_seq::text, prev_hash, last_hash FROM audit_chain_gap",
    );
    const gaps = new Map(gapRows.map((g) => [BigInt(g.from_seq), g]));
    let expectedSeq = 1n;
    let expectedPrev = GENESIS_HASH;
    let rows = 0;
    let crossed = 0;
    const broken = (seq: bigint, id: string | null, reason: ChainBreak, detail: string): ChainVerification => ({
      ok: false,
      rows,
      gaps: crossed,
      firstBreak: { seq: seq.toString(), id, reason, detail },
    });
    /** Steps over the purged runs that start where the chain is; a run whose start hash does not fit is a break. */
    const crossGaps = (): ChainVerification | null => {
      for (let gap = gaps.get(expectedSeq); gap; gap = gaps.get(expectedSeq)) {
        if (gap.prev_hash !== expectedPrev) {
          return broken(
            expectedSeq,
            null,
            "GAP_RECORD_BROKEN",
            "削除済みの範囲の記録が直前の行のハッシュと一致しません",
          );
        }
        expectedPrev = gap.last_hash;
        expectedSeq = BigInt(gap.to_seq) + 1n;
        crossed++;
      }
      return null;
    };
    // The chain may start after a purged prefix: the first run then starts at seq 1 with the genesis hash.
    let after = 0n;
    for (;;) {
      const batch: ChainRow[] = await tx.query(
        `SELECT id::text, chain_seq::text, prev_hash, row_hash, audit_event_hash(prev_hash, e) AS computed
         FROM audit_event e WHERE e.chain_seq > $1 ORDER BY e.chain_seq LIMIT ${BATCH}`,
        [after.toString()],
      );
      for (const row of batch) {
        const gapBreak = crossGaps();
        if (gapBreak) return gapBreak;
        const seq = BigInt(row.chain_seq);
        if (seq !== expectedSeq) {
          return broken(expectedSeq, null, "ROW_MISSING", `連番 ${expectedSeq}〜${seq - 1n} の行がありません`);
        }
        if (row.prev_hash !== expectedPrev) {
          return broken(seq, row.id, "LINK_BROKEN", "直前の行のハッシュと一致しません");
        }
        if (row.computed !== row.row_hash) {
          return broken(seq, row.id, "CONTENT_CHANGED", "行の内容がハッシュと一致しません (書き換えられています)");
        }
        rows++;
        expectedPrev = row.row_hash;
        expectedSeq = seq + 1n;
      }
      if (batch.length < BATCH) break;
      after = BigInt(batch[batch.length - 1].chain_seq);
    }
    const gapBreak = crossGaps();
    if (gapBreak) return gapBreak;
    if (BigInt(head.last_seq) !== expectedSeq - 1n || head.last_hash !== expectedPrev) {
      return broken(
        expectedSeq,
        null,
        "HEAD_MISMATCH",
        `最後の行 (連番 ${head.last_seq}) が見つからないか、ハッシュが一致しません`,
      );
    }
    return { ok: true, rows, gaps: crossed, firstBreak: null };
  });
}

/** The one line `npm run audit:verify` prints. */
export function formatVerification(v: ChainVerification): string {
  if (v.ok) return `audit:verify rows=${v.rows} gaps=${v.gaps} ok`;
  const b = v.firstBreak!;
  return `audit:verify rows=${v.rows} gaps=${v.gaps} broken seq=${b.seq} id=${b.id ?? "-"} reason=${b.reason} (${b.detail})`;
}
