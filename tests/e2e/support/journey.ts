import { it } from "vitest";

/**
 * Steps of one journey, run in order as separate tests so the report says which step broke. A step after a failed
 * one fails too (it is not skipped), saying which step it waited for.
 */
export function journeySteps() {
  let broken: string | null = null;
  return (name: string, run: () => Promise<void>, timeout?: number) =>
    it(
      name,
      async () => {
        if (broken) throw new Error(`not run: the earlier step 「${broken}」 failed`);
        try {
          await run();
        } catch (error) {
          broken = name;
          throw error;
        }
      },
      timeout,
    );
}
