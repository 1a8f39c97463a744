import type { ShikiTransformer } from 'shiki';
export const shikiContrast: ShikiTransformer;
