import type { Plugin } from 'vite';
export const D3_GEO_LITE: string;
export function plotWithoutProjections(options?: { ssr?: boolean }): Plugin;
