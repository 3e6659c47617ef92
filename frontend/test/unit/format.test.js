import assert from 'node:assert/strict';
import { test } from 'node:test';

import {
  calendarDay, formatBytes, formatCount, formatDay, formatPercent, formatPoints, headerDate, publishDate, ratingLine,
} from '../../site/js/format.js';

const ZONE = 'Asia/Ho_Chi_Minh';

test('the header date reads like the model page', () => {
  assert.equal(headerDate(Date.parse('2024-12-12T03:00:00Z'), ZONE), 'Thứ Năm, 12/12/2024');
  assert.equal(headerDate(Date.parse('2024-12-15T03:00:00Z'), ZONE), 'Chủ Nhật, 15/12/2024');
});

test('an article date reads like the model page', () => {
  assert.equal(publishDate('2023-06-09T01:30:00Z', ZONE), 'Thứ sáu, 09/06/2023');
  assert.equal(publishDate('2023-06-10T08:00:00+07:00', ZONE), 'Thứ bảy, 10/06/2023');
});

test('dates are the calendar day in Vietnam, not in UTC', () => {
  // 23:30 UTC on a Thursday is already Friday morning in Hà Nội.
  assert.equal(publishDate('2023-06-08T17:30:00Z', ZONE), 'Thứ sáu, 09/06/2023');
  assert.equal(publishDate('2023-06-08T16:59:59Z', ZONE), 'Thứ năm, 08/06/2023');
  assert.deepEqual(calendarDay('2023-12-31T17:00:00Z', ZONE), { year: 2024, month: 1, day: 1, weekday: 1 });
});

test('points use a decimal comma and at most one decimal', () => {
  assert.equal(formatPoints(4.2), '4,2');
  assert.equal(formatPoints(5), '5');
  assert.equal(formatPoints(0), '0');
  assert.equal(formatPoints(3.96), '4');
});

test('counts are grouped with dots', () => {
  assert.equal(formatCount(12), '12');
  assert.equal(formatCount(1234567), '1.234.567');
});

test('the rating line reads like the model page', () => {
  assert.equal(ratingLine({ average: 4.2, count: 12 }), '4,2 điểm (12 đánh giá)');
  assert.equal(ratingLine({ average: 0, count: 0 }), '0 điểm (0 đánh giá)');
  assert.equal(ratingLine({ average: 3.5, count: 1500 }), '3,5 điểm (1.500 đánh giá)');
});

test('percentages keep one decimal with a comma', () => {
  assert.equal(formatPercent(35.6), '35,6%');
  assert.equal(formatPercent(100), '100,0%');
  assert.equal(formatPercent(0), '0,0%');
});

test('a document\'s dates read day first; file sizes in KB and MB with a decimal comma', () => {
  assert.equal(formatDay('2024-05-15'), '15/05/2024');
  assert.equal(formatBytes(812), '812 B');
  assert.equal(formatBytes(34654), '33,8 KB');
  assert.equal(formatBytes(1024), '1 KB');
  assert.equal(formatBytes(5 * 1024 * 1024 + 200 * 1024), '5,2 MB');
});
