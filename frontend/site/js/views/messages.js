// What the reader sees instead of content: not found, API unreachable, other failures; and the
// short messages of a form whose sending failed.
import { ApiError, ApiUnreachable } from '../api.js';
import { h } from '../dom.js';
import { homeUrl } from '../urls.js';

/** Thrown by a page whose address names nothing; app.js shows notFoundView(). */
export class PageNotFound extends Error {}

export const NOT_FOUND_TITLE = 'Không tìm thấy trang';
export const EXPIRED_TITLE = 'Bài viết đã hết hiệu lực hiển thị';
export const UNREACHABLE_TITLE = 'Không kết nối được với máy chủ';
export const FAILURE_TITLE = 'Đã có lỗi xảy ra';

function message(title, text, ...actions) {
  return h('section', { class: 'message' },
    h('h1', {}, title), h('p', {}, text), h('p', { class: 'message-actions' }, ...actions));
}

const homeLink = () => h('a', { href: homeUrl() }, 'Về trang chủ');
const retryButton = () => h('button', { type: 'button', onclick: () => location.reload() }, 'Thử lại');

export function notFoundView() {
  return message(NOT_FOUND_TITLE, 'Trang bạn tìm không tồn tại hoặc đã được gỡ xuống.', homeLink());
}

export function expiredView() {
  return message(EXPIRED_TITLE, 'Bài viết này chỉ được đăng trong một thời hạn, nay đã kết thúc.', homeLink());
}

export function unreachableView() {
  return message(UNREACHABLE_TITLE,
    'Hệ thống đang tạm thời gián đoạn hoặc mạng của bạn có sự cố. Vui lòng thử lại sau ít phút.',
    retryButton(), homeLink());
}

export function failureView() {
  return message(FAILURE_TITLE, 'Trang chưa hiển thị được. Vui lòng thử lại sau.', retryButton(), homeLink());
}

/** Why a rating or a vote was not sent, in a line; `otherwise` for anything unforeseen. */
export function sendingFailure(error, otherwise) {
  if (error instanceof ApiUnreachable) return 'Không kết nối được với máy chủ. Vui lòng thử lại.';
  if (error instanceof ApiError && error.status === 429) return 'Bạn gửi quá nhanh. Vui lòng thử lại sau vài giây.';
  return otherwise;
}
