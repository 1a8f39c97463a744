export function rehypeTableScroll(): (tree: unknown) => void;
