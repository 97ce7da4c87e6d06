import { useMutation } from "@apollo/client/react";
import { graphql } from "../../gql";
import type { ListingInput } from "./listing-form";

const CREATE_LISTING = graphql(`
  mutation CreateListing($input: CreateResourceInput!) {
    createResource(input: $input) {
      resource {
        id
        ...ListingForm_resource
      }
    }
  }
`);

const SAVE_LISTING = graphql(`
  mutation SaveListing($input: UpdateResourceInput!) {
    updateResource(input: $input) {
      resource {
        id
        ...ListingForm_resource
      }
    }
  }
`);

const SET_LISTING_STATUS = graphql(`
  mutation SetCatalogListingStatus($input: SetResourceStatusInput!) {
    setResourceStatus(input: $input) {
      resource {
        id
        status
        version
      }
    }
  }
`);

export function useCreateListing() {
  return useMutation(CREATE_LISTING);
}

/**
 * Saves an edited listing: the fields with the version it was loaded at (its host stays), then the status when it changed (活動状況
 * has its own mutation, as on the host's page). Apollo normalises the payload by id, so the pages showing the listing
 * update in place.
 */
export function useSaveListing() {
  const [update, updating] = useMutation(SAVE_LISTING);
  const [setStatus, settingStatus] = useMutation(SET_LISTING_STATUS);
  const save = async (saved: { id: string; version: number; status: string }, input: ListingInput) => {
    // A listing stays with the organization it was created for (UpdateResourceInput has no organizationId).
    const { status, organizationId: _organizationId, ...fields } = input;
    await update({ variables: { input: { ...fields, id: saved.id, expectedVersion: saved.version } } });
    if (status !== saved.status) await setStatus({ variables: { input: { id: saved.id, status } } });
  };
  return [save, { loading: updating.loading || settingStatus.loading }] as const;
}
