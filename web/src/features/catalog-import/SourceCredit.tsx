import { graphql, useFragment, type FragmentType } from "../../gql";
import { catalogImportMessages as t } from "../../messages";

export const SOURCE_CREDIT_FRAGMENT = graphql(`
  fragment SourceCredit_resource on Resource {
    source {
      publisher
      dataset
      licence
      attribution
    }
  }
`);

/** 出典: a listing imported from a city's open data credits it, as CC BY asks. Nothing for listings made in tsunagu. */
export function SourceCredit(props: { resource: FragmentType<typeof SOURCE_CREDIT_FRAGMENT> }) {
  const { source } = useFragment(SOURCE_CREDIT_FRAGMENT, props.resource);
  if (!source) return null;
  return <p className="resource-detail__source">{t.credit(source)}</p>;
}
