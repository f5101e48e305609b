import { Component, type ErrorInfo, type ReactNode } from "react";

interface Props {
  /** Names the part of the page that failed, e.g. "the label chart". */
  what: string;
  children: ReactNode;
}

interface State {
  error: Error | undefined;
}

/**
 * Keeps a rendering failure inside one widget: the rest of the page stays usable, and the
 * widget offers to try again.
 */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: undefined };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    console.error(`Rendering ${this.props.what} failed`, error, info.componentStack);
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <div className="query-error" role="alert">
        <p className="query-error__title">
          <strong>Something went wrong showing {this.props.what}.</strong>
        </p>
        <p className="query-error__message">{this.state.error.message}</p>
        <button type="button" className="button" onClick={() => this.setState({ error: undefined })}>
          Try again
        </button>
      </div>
    );
  }
}
