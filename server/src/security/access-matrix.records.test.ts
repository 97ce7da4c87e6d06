import { describe } from "vitest";
import { MATRIX_RUNS, runMatrixCells } from "./access-matrix.cells.js";

// The evaluation records' part of docs/security/access-matrix.md (相談受付, 協力依頼, 受け入れ先支援, 会議), cell by cell.
describe("access matrix: evaluation records", () => runMatrixCells(MATRIX_RUNS.records));
