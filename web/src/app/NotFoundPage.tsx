import { Link } from "react-router";
import { commonMessages as m } from "../messages";

export function NotFoundPage() {
  return (
    <>
      <h1>{m.notFound}</h1>
      <p>
        <Link to="/">{m.backToTop}</Link>
      </p>
    </>
  );
}
