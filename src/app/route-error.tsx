import { isRouteErrorResponse, Link, useRouteError } from "react-router-dom";

/** A route that failed to load or render: say so, and offer a way back, without blanking the page. */
export function RouteError() {
  const error = useRouteError();
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  const message = error instanceof Error ? error.message : isRouteErrorResponse(error) ? error.statusText : String(error);
  return (
    <div className="app-main">
      <div className="query-error" role="alert">
        <p className="query-error__title">
          <strong>{notFound ? "There is no such page." : "This view failed to load."}</strong>
        </p>
        {!notFound && <p className="query-error__message">{message}</p>}
        <p>
          <button type="button" className="button" onClick={() => window.location.reload()}>
            Reload
          </button>{" "}
          <Link to="/users">Go to VIP users</Link>
        </p>
      </div>
    </div>
  );
}
