export const HASHES_TOKEN: string;
export function sitePolicy(hashes?: string[]): string;
