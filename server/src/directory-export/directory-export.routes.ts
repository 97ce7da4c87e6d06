import type { Express, Response } from "express";
import type { DirectoryExportService } from "./directory-export.service.js";
import { searchInputFromQuery } from "./search-input.query.js";

/** `attachment` with a Japanese file name: an ASCII fallback, then RFC 5987 `filename*` in UTF-8. */
export function attachment(res: Response, asciiName: string, japaneseName: string): void {
  res.setHeader(
    "Content-Disposition",
    `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(japaneseName)}`,
  );
}

const stamp = (d: Date) => new Date(d.getTime() + 9 * 3_600_000).toISOString().slice(0, 10).replace(/-/g, "");

const refuse = (res: Response, message: string) =>
  res
    .status(400)
    .json({ errors: [{ message, extensions: { code: "BAD_USER_INPUT", requestId: res.locals.requestId } }] });

/**
 * GET /export/resources.csv?input=<SearchResourcesInput JSON>&encoding=utf8|cp932 and GET /export/resources.xlsx?input=…:
 * the directory with the current search's filters, every matching row. Public, like `searchResources`.
 */
export function useDirectoryExportRoutes(app: Express, exports: DirectoryExportService): void {
  app.get("/export/resources.csv", async (req, res) => {
    const input = await searchInputFromQuery(req.query.input);
    if (typeof input === "string") {
      refuse(res, input);
      return;
    }
    const encoding = req.query.encoding ?? "utf8";
    if (encoding !== "utf8" && encoding !== "cp932") {
      refuse(res, "encoding は utf8 か cp932 を指定してください");
      return;
    }
    res.setHeader("Content-Type", `text/csv; charset=${encoding === "cp932" ? "Shift_JIS" : "UTF-8"}`);
    res.setHeader("Cache-Control", "no-store");
    attachment(res, `resources-${stamp(new Date())}.csv`, `社会資源一覧_${stamp(new Date())}.csv`);
    await exports.writeCsv(input, encoding, res);
  });
  app.get("/export/resources.xlsx", async (req, res) => {
    const input = await searchInputFromQuery(req.query.input);
    if (typeof input === "string") {
      refuse(res, input);
      return;
    }
    res.setHeader("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    res.setHeader("Cache-Control", "no-store");
    attachment(res, `resources-${stamp(new Date())}.xlsx`, `社会資源一覧_${stamp(new Date())}.xlsx`);
    await exports.writeXlsx(input, res);
  });
}
