/** The product's name as the header and the sign-in pages show it. */
export function Brand({ className }: { className: string }) {
  return (
    <div className={className}>
      <span className="logo" aria-hidden="true">◆</span> Dynamo <span className="muted">VIP</span>
    </div>
  );
}
