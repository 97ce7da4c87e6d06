import { describe } from "vitest";
import { MATRIX_RUNS, runMatrixCells } from "./access-matrix.cells.js";

// The catalog and account half of docs/security/access-matrix.md, cell by cell (the other half runs in parallel).
describe("access matrix: catalog, settings and sign-in", () => runMatrixCells(MATRIX_RUNS.catalog));
