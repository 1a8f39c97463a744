export function rehypeBaseLinks(options?: { base?: string }): (tree: unknown) => void;
