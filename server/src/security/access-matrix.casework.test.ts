import { describe } from "vitest";
import { MATRIX_RUNS, runMatrixCells } from "./access-matrix.cells.js";

// The casework half of docs/security/access-matrix.md (persons, consent, matching, referrals), cell by cell.
describe("access matrix: casework", () => runMatrixCells(MATRIX_RUNS.casework));
