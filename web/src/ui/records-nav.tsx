import { useId } from "react";
import { NavLink, useSearchParams } from "react-router";
import { fiscalYearOf, today } from "@tsunagu/calendar";
import { formatFiscalYear, recordsMessages as m } from "../messages";

const PAGES = [
  { to: "/records/intakes", label: m.nav.intakes },
  { to: "/records/meetings", label: m.nav.meetings },
  { to: "/records/cooperation", label: m.nav.cooperation },
  { to: "/records/host-support", label: m.nav.hostSupport },
] as const;

/** 実施状況の記録: the links between its pages (the header's menu has one entry for all of them). */
export function RecordsNav() {
  return (
    <nav aria-label={m.nav.label} className="records-nav">
      <ul>
        {PAGES.map((page) => (
          <li key={page.to}>
            <NavLink to={page.to}>{page.label}</NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** This 年度 and the four before it, newest first. */
export function fiscalYearChoices(current = fiscalYearOf(today()), back = 4): number[] {
  return Array.from({ length: back + 1 }, (_, i) => current - i);
}

/** The 年度 in the address (`?fy=2025`) when it is one of the choices, else this 年度. */
export function useFiscalYearParam(): [number, (year: number) => void, number[]] {
  const [params, setParams] = useSearchParams();
  const choices = fiscalYearChoices();
  const asked = Number(params.get("fy"));
  const year = choices.includes(asked) ? asked : choices[0];
  const setYear = (next: number) => setParams(next === choices[0] ? {} : { fy: String(next) }, { replace: true });
  return [year, setYear, choices];
}

export function FiscalYearSelect({
  value,
  choices,
  onChange,
}: {
  value: number;
  choices: readonly number[];
  onChange: (year: number) => void;
}) {
  const id = useId();
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {m.fiscalYear}
      </label>
      <select id={id} className="field__control" value={value} onChange={(e) => onChange(Number(e.target.value))}>
        {choices.map((year) => (
          <option key={year} value={year}>
            {formatFiscalYear(year)}
          </option>
        ))}
      </select>
    </div>
  );
}
