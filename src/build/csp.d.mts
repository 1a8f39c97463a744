import type { AstroIntegration } from 'astro';
export function inlineScripts(html: string): string[];
export function scriptHash(source: string): string;
export function fillPolicy(html: string, file?: string): string;
export function csp(): AstroIntegration;
