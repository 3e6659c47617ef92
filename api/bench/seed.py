#!/usr/bin/env python3
"""Writes SQL (for psql) that seeds a benchmark database: 8 categories and N articles of
realistic Vietnamese news, 90 % published over the last 3 years, bodies of about 800 words,
some with a captioned figure. Deterministic (fixed random seed). Usage: seed.py N > seed.sql"""
import random
import sys
import unicodedata
from datetime import datetime, timedelta, timezone

random.seed(20231209)
COUNT = int(sys.argv[1])

CATEGORIES = ["Tin tức – Sự kiện", "Cải cách hành chính", "Chuyển đổi số", "Văn bản pháp luật",
              "Thông tin tuyên truyền", "Báo chí – Xuất bản", "Bưu chính – Viễn thông", "An toàn thông tin"]
SUBJECTS = ["UBND tỉnh", "Sở Thông tin và Truyền thông", "Ban Chỉ đạo cải cách hành chính", "HĐND tỉnh",
            "Trung tâm Phục vụ hành chính công", "UBND huyện Hoa Lư", "UBND thành phố Tam Điệp", "Bộ phận Một cửa"]
ACTIONS = ["đẩy mạnh", "triển khai", "tổng kết", "sơ kết", "tăng cường", "nâng cao hiệu quả", "hướng dẫn", "kiểm tra"]
TOPICS = ["cải cách hành chính", "chuyển đổi số cấp xã", "dịch vụ công trực tuyến toàn trình", "chữ ký số",
          "an toàn thông tin mạng", "thủ tục hành chính", "chính quyền số", "dữ liệu dân cư", "Đề án 06",
          "thông tin cơ sở", "phòng, chống thiên tai", "du lịch Tràng An", "sự hài lòng của người dân, doanh nghiệp"]
SENTENCES = [
    "Trong {n} tháng đầu năm, công tác {topic} của tỉnh đã bám sát mục tiêu, nhiệm vụ kế hoạch đề ra.",
    "{subject} đã ban hành {n} văn bản chỉ đạo, hướng dẫn triển khai nhiệm vụ {topic}.",
    "Tỷ lệ hồ sơ được tiếp nhận và giải quyết trực tuyến đạt {pct},{d}%, tăng so với cùng kỳ năm trước.",
    "Chỉ số hài lòng của người dân, doanh nghiệp đối với sự phục vụ của cơ quan hành chính nhà nước đạt {score},{d}/10 điểm.",
    "Các sở, ngành, địa phương tiếp tục {action} {topic}, gắn với thực hiện nhiệm vụ phát triển kinh tế – xã hội.",
    "Hội nghị đã nghe báo cáo kết quả thực hiện {topic} và thảo luận giải pháp trong thời gian tới.",
    "Đồng chí Chủ tịch UBND tỉnh đề nghị các đơn vị tập trung khắc phục tồn tại, hạn chế, nâng cao chất lượng phục vụ.",
    "Việc giải quyết thủ tục hành chính được thực hiện công khai, minh bạch, đúng quy định.",
    "Cán bộ, công chức, viên chức được tập huấn kỹ năng sử dụng nền tảng số và bảo đảm an toàn thông tin.",
    "Toàn tỉnh có {n} tổ công nghệ số cộng đồng với hàng nghìn thành viên hỗ trợ người dân tại cơ sở.",
    "Kết quả này góp phần cải thiện môi trường đầu tư kinh doanh, nâng cao năng lực cạnh tranh cấp tỉnh.",
    "Thời gian tới, {subject} sẽ tiếp tục {action} {topic}, lấy người dân, doanh nghiệp làm trung tâm.",
]
AUTHORS = ["Phòng Thông tin – Báo chí", "Trung tâm Công nghệ thông tin và Truyền thông", "Văn phòng Sở", "Phòng Bưu chính – Viễn thông"]
TAGS = ["CCHC", "TTHC", "chuyển đổi số", "CĐS", "DVCTT", "chữ ký số", "ATTT", "Đề án 06", "Bộ phận Một cửa", "chính quyền số"]
NOW = datetime(2026, 11, 1, tzinfo=timezone.utc)


def slugify(text):
    text = text.replace("Đ", "D").replace("đ", "d")
    text = unicodedata.normalize("NFD", text)
    text = "".join(c for c in text if unicodedata.category(c) != "Mn").lower()
    return "-".join("".join(c if c.isalnum() else " " for c in text).split())


def sentence():
    return random.choice(SENTENCES).format(
        n=random.randint(2, 12), topic=random.choice(TOPICS), subject=random.choice(SUBJECTS),
        action=random.choice(ACTIONS), pct=random.randint(40, 99), d=random.randint(0, 9), score=random.randint(7, 9))


def paragraph(words):
    text = []
    while sum(len(s.split()) for s in text) < words:
        text.append(sentence())
    return " ".join(text)


def body(index):
    paragraphs = [f"<p>{paragraph(110)}</p>" for _ in range(7)]
    if index % 3 == 0:
        paragraphs.insert(1, '<figure><img src="/media/demo/cai-cach-hanh-chinh-hoi-nghi.svg" width="1200" height="675" '
                          'alt="Quang cảnh hội nghị"><figcaption>Quang cảnh hội nghị.</figcaption></figure>')
    return "".join(paragraphs) + "<p>./.</p>"


def copy_text(value):
    if value is None:
        return "\\N"
    return str(value).replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")


print("BEGIN;")
for position, name in enumerate(CATEGORIES):
    print(f"INSERT INTO categories (slug, name) VALUES ('{slugify(name)}', '{name}');")
print("COPY articles (slug, title, summary, body, category_id, tags, cover_url, cover_alt, author_name, status, "
      "published_at, created_by, updated_by) FROM STDIN;")
for i in range(COUNT):
    topic = random.choice(TOPICS)
    title = f"{random.choice(SUBJECTS)} {random.choice(ACTIONS)} {topic} năm {2024 + i % 3}"
    published = i % 10 != 0
    when = NOW - timedelta(seconds=random.randint(0, 3 * 365 * 86400)) if published else None
    tags = "{" + ",".join(f'"{t}"' for t in random.sample(TAGS, 3)) + "}"
    cover = "/media/demo/cai-cach-hanh-chinh-hoi-nghi.svg" if i % 5 else None
    row = [f"{slugify(title)}-{i + 1}", title, paragraph(45), body(i), i % len(CATEGORIES) + 1, tags,
           cover, "Quang cảnh hội nghị" if cover else None, random.choice(AUTHORS),
           "PUBLISHED" if published else "DRAFT", when.isoformat() if when else None, "bench", "bench"]
    print("\t".join(copy_text(v) for v in row))
print("\\.")
print("ANALYZE articles;")
print("COMMIT;")
