export const root: string;
export const bin: string;
export function median(xs: number[]): number;
export function timeNode(args: string[], opts?: { runs?: number; expectCode?: number; env?: Record<string, string>; input?: string }): number;
export function fmt(ms: number): string;
export function timeNodeCpu(args: string[], opts?: { runs?: number; expectCode?: number }): { wallMs: number; cpuMs: number | undefined };
export function generatePlaybook(n: number): string;
export const READABLE_RESULT: string;
