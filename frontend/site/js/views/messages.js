// What the reader sees instead of content: not found, API unreachable, other failures.
import { h } from '../dom.js';
import { homeUrl } from '../urls.js';

function message(title, text, ...actions) {
  return h('section', { class: 'message', role: 'alert' },
    h('h1', {}, title), h('p', {}, text), h('p', { class: 'message-actions' }, ...actions));
}

const homeLink = () => h('a', { href: homeUrl() }, 'Về trang chủ');

export function notFoundView() {
  return message('Không tìm thấy trang', 'Trang bạn tìm không tồn tại hoặc đã được gỡ xuống.', homeLink());
}

export function unreachableView() {
  return message('Không kết nối được với máy chủ',
    'Hệ thống đang tạm thời gián đoạn hoặc mạng của bạn có sự cố. Vui lòng thử lại sau ít phút.',
    h('button', { type: 'button', onclick: () => location.reload() }, 'Thử lại'), ' ', homeLink());
}

export function failureView() {
  return message('Đã có lỗi xảy ra', 'Trang chưa hiển thị được. Vui lòng thử lại sau.',
    h('button', { type: 'button', onclick: () => location.reload() }, 'Thử lại'), ' ', homeLink());
}
