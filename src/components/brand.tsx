/** The product's name as the header and the sign-in pages show it. */
export function Brand({ className }: { className: string }) {
  return (
    <div className={className}>
      {/* A drawn mark, not a text glyph: decoration, with nothing for contrast checks to read. */}
      <svg className="logo" aria-hidden="true" viewBox="0 0 10 10" width="12" height="12">
        <path d="M5 0 10 5 5 10 0 5Z" fill="currentColor" />
      </svg>
      <span className="brand__name">
        {" "}
        Dynamo <span className="muted">VIP</span>
      </span>
    </div>
  );
}
