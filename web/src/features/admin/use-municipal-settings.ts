import { useMutation, useQuery } from "@apollo/client/react";
import { graphql, useFragment } from "../../gql";
import type { UpdateMunicipalSettingsInput } from "../../gql/graphql";
import { parseGraphQLError, type ParsedError } from "../../ui/graphql-errors";

export const MUNICIPAL_SETTINGS_FRAGMENT = graphql(`
  fragment MunicipalSettingsPage_settings on MunicipalSettings {
    firstCheckDays
    followUpMonths
    settlingCheckMonths
    onTimeGraceDays
    openWeekdays
    closedOnHolidays
    closedForYearEnd
    postClosureContacts
    postClosureIntervalMonths
    requireSupportPlanForMatch
    auditRetentionDays
    personRetentionYears
    followUpNoteRetentionYears
    intakeRetentionYears
    meetingRetentionYears
    twoFactorRequiredRoles
    updatedAt
    viewerCan {
      update
    }
  }
`);

export const MUNICIPAL_SETTINGS_QUERY = graphql(`
  query MunicipalSettingsPage {
    municipalSettings {
      ...MunicipalSettingsPage_settings
    }
  }
`);

export const UPDATE_MUNICIPAL_SETTINGS = graphql(`
  mutation UpdateMunicipalSettings($input: UpdateMunicipalSettingsInput!) {
    updateMunicipalSettings(input: $input) {
      ...MunicipalSettingsPage_settings
    }
  }
`);

/** The city's settings, unmasked for the settings page. */
export function useMunicipalSettings() {
  const { data, loading, error } = useQuery(MUNICIPAL_SETTINGS_QUERY);
  const settings = useFragment(MUNICIPAL_SETTINGS_FRAGMENT, data?.municipalSettings);
  return { settings, loading, error };
}

/**
 * Saves the changed settings. MunicipalSettings has no id (there is one row), so the cache cannot merge the answer
 * by itself: the answer replaces the `municipalSettings` query's value.
 */
export function useUpdateMunicipalSettings() {
  const [mutate, { loading }] = useMutation(UPDATE_MUNICIPAL_SETTINGS, {
    update(cache, { data }) {
      if (!data) return;
      cache.writeQuery({
        query: MUNICIPAL_SETTINGS_QUERY,
        data: { municipalSettings: data.updateMunicipalSettings },
      });
    },
  });
  const save = async (
    input: UpdateMunicipalSettingsInput,
  ): Promise<{ ok: true } | { ok: false; error: ParsedError }> => {
    try {
      await mutate({ variables: { input } });
      return { ok: true };
    } catch (e) {
      return { ok: false, error: parseGraphQLError(e) };
    }
  };
  return [save, loading] as const;
}
