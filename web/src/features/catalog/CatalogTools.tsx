import { Link } from "react-router";
import { catalogMessages as t } from "../../messages";
import { ListingHistory } from "./ListingHistory";

/** What coordinators and administrators see under a listing's public page: 編集 and the change history. */
export function CatalogTools({ resourceId, canEdit }: { resourceId: string; canEdit: boolean }) {
  return (
    <section className="page-section catalog-tools" aria-labelledby="catalog-tools-heading">
      <h2 id="catalog-tools-heading">{t.navHeading}</h2>
      {canEdit && (
        <p>
          <Link className="button button--secondary" to={`/catalog/listings/${resourceId}/edit`}>
            {t.editLink}
          </Link>
        </p>
      )}
      <ListingHistory resourceId={resourceId} />
    </section>
  );
}
