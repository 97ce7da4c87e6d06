import { Link } from "react-router";
import { catalogMessages as t } from "../../messages";

/** 資源の管理: where coordinators and administrators register listings. */
export function CatalogPage() {
  return (
    <>
      <h1>{t.navHeading}</h1>
      <p>
        <Link className="button" to="/catalog/listings/new">
          {t.newListing}
        </Link>
      </p>
    </>
  );
}
