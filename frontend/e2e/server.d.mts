export const frontendDir: string;
export const repoDir: string;
export function freePort(): Promise<number>;
export interface RunningServer {
  baseURL: string;
  logPath: string;
  dataDir: string;
  servedBy: string;
  log(): string;
  stop(): Promise<void>;
}
export function startServer(options?: { quiet?: boolean }): Promise<RunningServer>;
export function verificationCode(
  logPath: string,
  contact: string,
  options?: { timeoutMs?: number; after?: number },
): Promise<string>;
export const CHROMIUM: string;
export const CHROMIUM_ARGS: string[];
export const CONTEXT_OPTIONS: { locale: string; timezoneId: string };
