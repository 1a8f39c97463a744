import type { ShikiTransformer } from 'shiki';
export const shikiCodeLabel: ShikiTransformer;
