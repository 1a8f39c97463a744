import type { AstroIntegration } from 'astro';
export function viewName(name: string): string;
export function embedPageSource(name: string, root: string): string;
export function widgetNames(root: string): string[];
export function embedPages(): AstroIntegration;
