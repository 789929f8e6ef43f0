/** Previous / next buttons of a cursor-paged table; nothing when everything fits on one page. */
export function Pager({
  page,
  hasMore,
  onPrevious,
  onNext,
}: {
  page: number;
  hasMore: boolean;
  onPrevious: () => void;
  onNext: () => void;
}) {
  if (page === 1 && !hasMore) return null;
  return (
    <nav className="pager" aria-label="Pages">
      <button type="button" className="secondary" onClick={onPrevious} disabled={page === 1}>
        Previous page
      </button>
      <span>Page {page}</span>
      <button type="button" className="secondary" onClick={onNext} disabled={!hasMore}>
        Next page
      </button>
    </nav>
  );
}
