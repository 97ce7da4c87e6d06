import { useEffect, useState } from "react";

/**
 * `value` as of the last committed render, keyed by `key` (a new key is taken up only once React has committed it).
 *
 * Why: React Router renders a navigation inside startTransition, and a transition render can be thrown away and
 * redone when an urgent update (an Apollo result) comes in first; that urgent render still sees the old URL. Apollo's
 * useQuery starts a request from render, so a network-only query whose variables come straight from the URL asked
 * the server for the new search, then the old one again, then the new one … until the transition got through. Reads
 * taken from this hook change only after the commit, once per navigation.
 */
export function useCommittedValue<T>(value: T, key: string): T {
  const [committed, setCommitted] = useState({ key, value });
  useEffect(() => {
    setCommitted((c) => (c.key === key ? c : { key, value }));
    // Only a new key is a new value; `value` may be a new object on every render.
  }, [key]);
  return committed.value;
}
