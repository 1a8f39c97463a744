import type { Plugin } from 'vite';
export const LITE_MODULES: Readonly<Record<string, string>>;
export function plotD3Lite(options?: { ssr?: boolean }): Plugin;
