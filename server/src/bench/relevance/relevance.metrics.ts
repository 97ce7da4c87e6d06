/**
 * The measures `npm run bench:relevance` prints (README.md of this folder has the same definitions).
 *
 * Grades are 0–3 (3 exactly right, 2 good, 1 acceptable, 0 wrong); a listing nobody judged counts as grade 0.
 */

/** Judged grades of one persona or query, by listing key. */
export type Grades = ReadonlyMap<string, number>;

const gradeOf = (grades: Grades, key: string): number => grades.get(key) ?? 0;

/**
 * p@k: the share of the first k places holding a listing of grade ≥ 2. Empty places (fewer than k results) count as
 * misses: a list of two good suggestions is not as useful as five.
 */
export function precisionAtK(ranked: readonly string[], grades: Grades, k: number): number {
  let good = 0;
  for (const key of ranked.slice(0, k)) if (gradeOf(grades, key) >= 2) good++;
  return good / k;
}

/** DCG@k with gain 2^g − 1 and the usual log2(rank + 1) discount (rank from 1). */
function dcg(gradesInOrder: readonly number[], k: number): number {
  let sum = 0;
  gradesInOrder.slice(0, k).forEach((g, i) => {
    sum += (2 ** g - 1) / Math.log2(i + 2);
  });
  return sum;
}

/**
 * nDCG@k: DCG of the returned order divided by DCG of the ideal order of all judged grades. `null` when nothing was
 * judged relevant (no ideal to compare with); the bench leaves such a case out of the mean.
 */
export function ndcgAtK(ranked: readonly string[], grades: Grades, k: number): number | null {
  const ideal = dcg(
    [...grades.values()].filter((g) => g > 0).sort((a, b) => b - a),
    k,
  );
  if (ideal === 0) return null;
  return (
    dcg(
      ranked.map((key) => gradeOf(grades, key)),
      k,
    ) / ideal
  );
}

/** |A ∩ B| / |A ∪ B|; two empty sets agree fully. */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let both = 0;
  for (const x of a) if (b.has(x)) both++;
  return both / (a.size + b.size - both);
}

/** Mean Jaccard overlap over every pair of the sets (1 for fewer than two sets). */
export function meanPairwiseJaccard(sets: readonly ReadonlySet<string>[]): number {
  const values: number[] = [];
  for (let i = 0; i < sets.length; i++)
    for (let j = i + 1; j < sets.length; j++) values.push(jaccard(sets[i], sets[j]));
  return values.length ? mean(values) : 1;
}

/** Arithmetic mean; NaN for an empty list (printed as NaN, never silently 0). */
export function mean(values: readonly number[]): number {
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : NaN;
}
