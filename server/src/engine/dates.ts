// Days as the engine writes them: YYYY-MM-DD, in UTC unless a caller gives its own day. One home for the few sums on
// them (policy exceptions, AI review dates, the dashboard).

const dayMs = 24 * 60 * 60 * 1000;

/** Whole days from one YYYY-MM-DD date to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / dayMs);
}

/** Whether a text is a calendar date written YYYY-MM-DD (not 2026-02-30). */
export function isIsoDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}

/** Today as YYYY-MM-DD, as the scan and the AI rules take it (UTC). */
export const todayIso = (now = new Date()) => now.toISOString().slice(0, 10);
