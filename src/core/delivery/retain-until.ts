/** The last day (YYYY-MM-DD, UTC) an archived object must be kept: `years` after the moment it was stored. */
export function retainUntil(at: Date, years: number): string {
  const until = new Date(at.getTime());
  until.setUTCFullYear(until.getUTCFullYear() + years);
  return until.toISOString().slice(0, 10);
}
