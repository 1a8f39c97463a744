/** The marker of a control whose field a share link locks. */
/** The visible marker of a locked control; its id describes the disabled input. */
export function LockMark({ id }: { id: string }) {
  return (
    <span class="control__lock" id={id}>
      <svg viewBox="0 0 16 16" width="12" height="12" aria-hidden="true" focusable="false">
        <path d="M4 7V5a4 4 0 0 1 8 0v2h1v8H3V7zm2 0h4V5a2 2 0 0 0-4 0z" fill="currentColor" />
      </svg>
      set by your instructor
    </span>
  );
}
