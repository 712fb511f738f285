const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days from 1970-01-01 to a day of the proleptic Gregorian calendar (H. Hinnant's days_from_civil). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The date `days` after 1970-01-01 as YYYY-MM-DD (H. Hinnant's civil_from_days), for years 0 to 9999. */
function civilFromDays(days: number): string | undefined {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  if (year < 0 || year > 9999) return undefined;
  return `${String(year).padStart(4, "0")}-${month < 10 ? "0" : ""}${month}-${day < 10 ? "0" : ""}${day}`;
}

/** The number written by `length` characters of `text` from `start`, or NaN when one is not an ASCII digit. */
function digitsAt(text: string, start: number, length: number): number {
  let n = 0;
  for (let i = start; i < start + length; i++) {
    const d = text.charCodeAt(i) - 48;
    if (!(d >= 0 && d <= 9)) return Number.NaN;
    n = n * 10 + d;
  }
  return n;
}

/**
 * The payment due date (BT-9) from the issue date and the customer's payment terms in days, as calendar arithmetic in
 * UTC so that no time zone or daylight-saving change moves it. Counted in days rather than with a Date (imports ask
 * once per invoice); anything but a real YYYY-MM-DD date and whole days goes through Date as before.
 */
export function dueDateFor(issueDate: string, termsDays: number): string {
  const dashes = issueDate.length === 10 && issueDate[4] === "-" && issueDate[7] === "-";
  if (dashes && Number.isSafeInteger(termsDays)) {
    const year = digitsAt(issueDate, 0, 4);
    const month = digitsAt(issueDate, 5, 2);
    const day = digitsAt(issueDate, 8, 2);
    const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
    const monthDays = month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0);
    if (day >= 1 && day <= monthDays) {
      const due = civilFromDays(daysFromCivil(year, month, day) + termsDays);
      if (due !== undefined) return due;
    }
  }
  const date = new Date(`${issueDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + termsDays);
  return date.toISOString().slice(0, 10);
}
