export function rehypeTableScroll(): (tree: unknown) => void;
export function tableLabel(table: unknown): string;
