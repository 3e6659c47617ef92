// Vietnamese formatting of dates and numbers, as the model portal prints them. Pure functions.

const WEEKDAYS = ['Chủ nhật', 'Thứ hai', 'Thứ ba', 'Thứ tư', 'Thứ năm', 'Thứ sáu', 'Thứ bảy'];

const numberFormats = new Map();

/** Vietnamese number formats (decimal comma, dots between thousands), made once each. */
function numberFormat(minimumFractionDigits, maximumFractionDigits) {
  const key = `${minimumFractionDigits}-${maximumFractionDigits}`;
  if (!numberFormats.has(key)) {
    numberFormats.set(key, new Intl.NumberFormat('vi-VN', { minimumFractionDigits, maximumFractionDigits }));
  }
  return numberFormats.get(key);
}

/** The calendar day of an instant in a time zone: { year, month, day, weekday } (weekday 0 = Sunday). */
export function calendarDay(instant, timeZone) {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone, year: 'numeric', month: 'numeric', day: 'numeric',
  }).formatToParts(new Date(instant));
  const part = (type) => Number(parts.find((p) => p.type === type).value);
  const year = part('year');
  const month = part('month');
  const day = part('day');
  return { year, month, day, weekday: new Date(Date.UTC(year, month - 1, day)).getUTCDay() };
}

function twoDigits(n) {
  return String(n).padStart(2, '0');
}

function weekdayAndDate(instant, timeZone, capitalize) {
  const { year, month, day, weekday } = calendarDay(instant, timeZone);
  const name = capitalize ? WEEKDAYS[weekday].replace(/ (\p{L})/u, (_, c) => ` ${c.toUpperCase()}`) : WEEKDAYS[weekday];
  return `${name}, ${twoDigits(day)}/${twoDigits(month)}/${year}`;
}

/** Today's date in the site header: `Thứ Năm, 12/12/2024`. */
export function headerDate(instant, timeZone) {
  return weekdayAndDate(instant, timeZone, true);
}

/** An article's publish date: `Thứ sáu, 09/06/2023`. */
export function publishDate(instant, timeZone) {
  return weekdayAndDate(instant, timeZone, false);
}

/** A whole count with Vietnamese grouping: `1.234`. */
export function formatCount(n) {
  return numberFormat(0, 0).format(n);
}

/** Average points with a decimal comma and at most one decimal: `4,2`, `5`. */
export function formatPoints(average) {
  return numberFormat(0, 1).format(average);
}

/** `4,2 điểm (12 đánh giá)`. */
export function ratingLine({ average, count }) {
  return `${formatPoints(average)} điểm (${formatCount(count)} đánh giá)`;
}

/** A share in percent, one decimal: `35,6%`. */
export function formatPercent(percent) {
  return `${numberFormat(1, 1).format(percent)}%`;
}
