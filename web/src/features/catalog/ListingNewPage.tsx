import { Link, useNavigate } from "react-router";
import { catalogMessages as t } from "../../messages";
import { flashState } from "../../ui/flash-status";
import { ListingForm } from "./ListingForm";

/** 資源の登録: a new listing with every field group; on success, its public page with 「資源を登録しました」. */
export function ListingNewPage() {
  const navigate = useNavigate();
  return (
    <>
      <p className="back-link">
        <Link to="/catalog">{t.backToCatalog}</Link>
      </p>
      <h1>{t.newPageTitle}</h1>
      <ListingForm onSaved={(id) => void navigate(`/resources/${id}`, { state: flashState(t.created) })} />
    </>
  );
}
