export const RUNNER_FRAME_FILE: string;
export const BOOT: string;
export const CONNECT: string;
export function runnerFramePolicy(): string;
export function runnerFrameHtml(): string;
