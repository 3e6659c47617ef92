// Vietnamese formatting of dates and numbers, as the model portal prints them. Pure functions.

const WEEKDAYS = ['Chủ nhật', 'Thứ hai', 'Thứ ba', 'Thứ tư', 'Thứ năm', 'Thứ sáu', 'Thứ bảy'];

/** Intl formats are slow to make and the same every time: each is made once. */
const numberFormats = new Map();

/** Vietnamese number formats (decimal comma, dots between thousands), made once each. */
function numberFormat(minimumFractionDigits, maximumFractionDigits) {
  const key = `${minimumFractionDigits}-${maximumFractionDigits}`;
  if (!numberFormats.has(key)) {
    numberFormats.set(key, new Intl.NumberFormat('vi-VN', { minimumFractionDigits, maximumFractionDigits }));
  }
  return numberFormats.get(key);
}

const wallClockFormats = new Map();

/** An instant's wall-clock fields in a time zone: { year, month, day, hour, minute, second }. */
function wallClock(instant, timeZone) {
  if (!wallClockFormats.has(timeZone)) {
    wallClockFormats.set(timeZone, new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
    }));
  }
  const parts = wallClockFormats.get(timeZone).formatToParts(new Date(instant));
  const part = (type) => Number(parts.find((p) => p.type === type).value);
  return {
    year: part('year'), month: part('month'), day: part('day'), hour: part('hour'), minute: part('minute'), second: part('second'),
  };
}

/** The calendar day of an instant in a time zone: { year, month, day, weekday } (weekday 0 = Sunday). */
export function calendarDay(instant, timeZone) {
  const { year, month, day } = wallClock(instant, timeZone);
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

/** An instant as ISO 8601 in a time zone, with its offset: `2023-06-09T08:30:00+07:00`. */
export function zonedDateTime(instant, timeZone) {
  const { year, month, day, hour, minute, second } = wallClock(instant, timeZone);
  const wholeSeconds = Math.floor(new Date(instant).getTime() / 1000) * 1000;
  const offsetMinutes = Math.round((Date.UTC(year, month - 1, day, hour, minute, second) - wholeSeconds) / 60000);
  const offset = `${offsetMinutes < 0 ? '-' : '+'}${twoDigits(Math.floor(Math.abs(offsetMinutes) / 60))}:`
    + `${twoDigits(Math.abs(offsetMinutes) % 60)}`;
  return `${year}-${twoDigits(month)}-${twoDigits(day)}T${twoDigits(hour)}:${twoDigits(minute)}:${twoDigits(second)}${offset}`;
}

/** An instant's calendar date in a time zone, as the API's date filters read it: `2023-06-09`. */
export function zonedDate(instant, timeZone) {
  return zonedDateTime(instant, timeZone).slice(0, 10);
}

/** A calendar date as the API sends it (`2024-05-15`) as Vietnamese documents print it: `15/05/2024`. */
export function formatDay(isoDate) {
  const [year, month, day] = isoDate.split('-');
  return `${day}/${month}/${year}`;
}

/** A file's size: `812 B`, `33,7 KB`, `1,2 MB` (1 KB = 1024 bytes, as file managers count). */
export function formatBytes(bytes) {
  if (bytes < 1024) return `${formatCount(bytes)} B`;
  const kilobytes = bytes / 1024;
  if (kilobytes < 1024) return `${numberFormat(0, 1).format(kilobytes)} KB`;
  return `${numberFormat(0, 1).format(kilobytes / 1024)} MB`;
}
