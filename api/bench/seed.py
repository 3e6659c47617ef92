#!/usr/bin/env python3
"""Writes SQL (for psql) that seeds a benchmark database freshly migrated by the API: 20 categories
and N Vietnamese news articles over 12 years (about 90 % published, 9 % drafts, 1 % scheduled for
the future), bodies of 250-450 words from a common vocabulary plus rare words (communes and wards
of Ninh Bình, personal names, document numbers, case codes), 1-5 of 2,000 tags each (Zipf-like:
a few very common, most rare). Deterministic for a given N and shard count (fixed random seeds).

The articles table's secondary indexes are dropped before the rows and rebuilt after them, which
is much faster than maintaining them row by row. Large N can be loaded by parallel psql sessions:
  seed.py N --part before | psql;  seed.py N --part rows --shard 0/2 | psql & ... 1/2 ...;  seed.py N --part after | psql
Usage: seed.py N > seed.sql (all parts, one session)"""
import argparse
import bisect
import itertools
import random
import unicodedata
from datetime import datetime, timedelta, timezone

VERSION = 2  # changes whenever the generated content does; see marker()

CATEGORIES = ["Tin tức – Sự kiện", "Cải cách hành chính", "Chuyển đổi số", "Văn bản pháp luật",
              "Thông tin tuyên truyền", "Báo chí – Xuất bản", "Bưu chính – Viễn thông", "An toàn thông tin",
              "Kinh tế", "Văn hóa – Xã hội", "Du lịch", "Giáo dục – Đào tạo", "Y tế", "Nông nghiệp – Nông thôn",
              "Tài nguyên – Môi trường", "Quốc phòng – An ninh", "Xây dựng Đảng", "Hỏi đáp", "Thủ tục hành chính",
              "Thông báo"]
SUBJECTS = ["UBND tỉnh", "Sở Thông tin và Truyền thông", "Ban Chỉ đạo cải cách hành chính", "HĐND tỉnh",
            "Trung tâm Phục vụ hành chính công", "UBND huyện Hoa Lư", "UBND thành phố Tam Điệp", "Bộ phận Một cửa",
            "Sở Nội vụ", "Sở Tư pháp", "Sở Kế hoạch và Đầu tư", "Sở Tài chính", "Sở Y tế", "Sở Giáo dục và Đào tạo",
            "Sở Du lịch", "Sở Nông nghiệp và Phát triển nông thôn", "Công an tỉnh", "Bộ Chỉ huy Quân sự tỉnh",
            "UBND huyện Kim Sơn", "UBND huyện Nho Quan", "UBND huyện Gia Viễn", "UBND huyện Yên Khánh",
            "UBND huyện Yên Mô", "UBND thành phố Ninh Bình", "Mặt trận Tổ quốc tỉnh", "Tỉnh đoàn"]
ACTIONS = ["đẩy mạnh", "triển khai", "tổng kết", "sơ kết", "tăng cường", "nâng cao hiệu quả", "hướng dẫn", "kiểm tra",
           "rà soát", "đôn đốc", "tuyên truyền", "phổ biến", "giám sát", "chỉ đạo", "thực hiện", "đánh giá"]
TOPICS = ["cải cách hành chính", "chuyển đổi số cấp xã", "dịch vụ công trực tuyến toàn trình", "chữ ký số",
          "an toàn thông tin mạng", "thủ tục hành chính", "chính quyền số", "dữ liệu dân cư", "Đề án 06",
          "thông tin cơ sở", "phòng, chống thiên tai", "du lịch Tràng An", "sự hài lòng của người dân, doanh nghiệp",
          "xây dựng nông thôn mới", "chương trình OCOP", "giảm nghèo bền vững", "bảo hiểm y tế", "tiêm chủng mở rộng",
          "phòng cháy, chữa cháy", "an toàn giao thông", "bảo vệ môi trường", "quản lý đất đai", "thu ngân sách",
          "giải ngân vốn đầu tư công", "phổ cập giáo dục", "tuyển sinh đầu cấp", "xuất khẩu lao động",
          "phòng, chống tham nhũng", "tiếp công dân", "giải quyết khiếu nại, tố cáo", "thanh toán không dùng tiền mặt",
          "kinh tế số", "xã hội số", "văn hóa đọc", "di sản Quần thể danh thắng Tràng An", "lễ hội Hoa Lư",
          "phòng, chống dịch bệnh", "chăm sóc người cao tuổi", "an ninh trật tự", "tuyển quân"]
PLACES = ["Ninh Hải", "Ninh Xuân", "Ninh Giang", "Ninh Khang", "Ninh Mỹ", "Ninh Vân", "Ninh An", "Trường Yên",
          "Gia Vân", "Gia Sinh", "Gia Hòa", "Gia Hưng", "Gia Lạc", "Gia Minh", "Gia Phong", "Gia Thanh", "Gia Thịnh",
          "Gia Tiến", "Gia Trấn", "Gia Trung", "Gia Vượng", "Gia Xuân", "Gia Lập", "Gia Phú", "Gia Phương", "Gia Tân",
          "Gia Thắng", "Cúc Phương", "Kỳ Phú", "Phú Long", "Văn Phương", "Thạch Bình", "Lạng Phong", "Quỳnh Lưu",
          "Sơn Lai", "Sơn Thành", "Xích Thổ", "Gia Lâm", "Gia Sơn", "Đức Long", "Gia Tường", "Thanh Lạc", "Phú Sơn",
          "Yên Quang", "Văn Phú", "Sơn Hà", "Quảng Lạc", "Kim Đông", "Kim Hải", "Kim Trung", "Kim Tân", "Kim Mỹ",
          "Kim Chính", "Kim Định", "Lai Thành", "Định Hóa", "Văn Hải", "Yên Lộc", "Như Hòa", "Chất Bình",
          "Xuân Thiện", "Hồi Ninh", "Ân Hòa", "Hùng Tiến", "Quang Thiện", "Thượng Kiệm", "Lưu Phương", "Cồn Thoi",
          "Khánh An", "Khánh Cư", "Khánh Hải", "Khánh Hòa", "Khánh Hội", "Khánh Lợi", "Khánh Mậu", "Khánh Nhạc",
          "Khánh Phú", "Khánh Thành", "Khánh Thiện", "Khánh Thủy", "Khánh Tiên", "Khánh Trung", "Khánh Công",
          "Khánh Cường", "Yên Phong", "Yên Mỹ", "Yên Lâm", "Yên Thái", "Yên Đồng", "Yên Thành", "Yên Nhân",
          "Yên Mạc", "Yên Hưng", "Yên Từ", "Khánh Dương", "Khánh Thịnh", "Mai Sơn", "Đông Sơn", "Quang Sơn",
          "Yên Sơn", "Yên Bình", "Tân Bình", "Trung Sơn", "Nam Sơn", "Bắc Sơn", "Đông Thành", "Tân Thành",
          "Vân Giang", "Thanh Bình", "Phúc Thành", "Nam Thành", "Nam Bình", "Bích Đào", "Ninh Phong", "Ninh Sơn",
          "Ninh Khánh", "Ninh Tiến", "Ninh Phúc", "Ninh Nhất", "Ninh Thắng", "Ninh Hòa", "Đồng Hướng", "Kim Mỹ"]
FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đinh", "Bùi", "Đỗ", "Ngô", "Dương", "Lý", "Trịnh",
          "Mai", "Tạ", "Quách", "Lương", "Đặng", "Phan", "Hà"]
MIDDLE = ["Văn", "Thị", "Đức", "Minh", "Hữu", "Thanh", "Ngọc", "Quang", "Xuân", "Thu", "Công", "Bá", "Kim"]
GIVEN = ["An", "Bình", "Cường", "Dũng", "Duyên", "Giang", "Hà", "Hải", "Hạnh", "Hiếu", "Hoa", "Hùng", "Hương",
         "Huyền", "Khánh", "Lan", "Linh", "Long", "Mai", "Nam", "Nga", "Nghĩa", "Ngọc", "Nhung", "Phong", "Phúc",
         "Phương", "Quân", "Quý", "Sơn", "Tâm", "Thắng", "Thảo", "Thành", "Thủy", "Tiến", "Trang", "Trung", "Tuấn",
         "Tùng", "Vân", "Việt", "Yến", "Đạt", "Định", "Hòa", "Hoàn", "Lực", "Nhàn", "Oanh", "Quyết", "Sáng",
         "Thịnh", "Toản", "Tường", "Uyên", "Vinh", "Xuyến", "Ánh", "Điệp"]
DOCUMENTS = [("Quyết định", "QĐ-UBND"), ("Kế hoạch", "KH-UBND"), ("Công văn", "UBND-VP"), ("Chỉ thị", "CT-UBND"),
             ("Thông báo", "TB-UBND"), ("Nghị quyết", "NQ-HĐND"), ("Báo cáo", "BC-STTTT"), ("Hướng dẫn", "HD-SNV")]
ROLES = ["Chủ tịch UBND xã", "Phó Chủ tịch UBND xã", "Bí thư Đảng ủy xã", "Trưởng thôn", "công chức Tư pháp – Hộ tịch",
         "Giám đốc hợp tác xã", "Trưởng Công an xã", "Hiệu trưởng Trường Tiểu học", "Trạm trưởng Trạm Y tế xã"]
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
    "Tại xã {place}, {topic} được cấp ủy, chính quyền quan tâm chỉ đạo, nhân dân đồng tình hưởng ứng.",
    "Đoàn công tác của {subject} đã làm việc tại xã {place} về tình hình {topic}.",
    "Năm {year}, tổng thu ngân sách nhà nước trên địa bàn ước đạt {n}.{d}00 tỷ đồng, vượt dự toán giao.",
    "Phát biểu tại buổi làm việc, lãnh đạo {subject} ghi nhận những kết quả mà địa phương đã đạt được.",
    "Bên cạnh kết quả đạt được, việc {action} {topic} vẫn còn một số khó khăn, vướng mắc cần sớm tháo gỡ.",
    "Người dân có thể tra cứu tình trạng hồ sơ trên Cổng dịch vụ công hoặc qua ứng dụng trên điện thoại di động.",
    "Dịp này, {subject} đã tặng {n} suất quà cho các hộ gia đình chính sách, hộ nghèo trên địa bàn.",
    "Mô hình {topic} tại phường {place} đã được nhân rộng ra nhiều địa phương trong tỉnh.",
    "Lượng khách du lịch đến Ninh Bình trong năm {year} ước đạt {n} triệu lượt, doanh thu tăng {pct}%.",
    "Hệ thống hồ sơ công việc được kết nối liên thông bốn cấp chính quyền, bảo đảm gửi, nhận văn bản điện tử thông suốt.",
    "Ban tổ chức đã trao giấy khen cho {n} tập thể và cá nhân có thành tích xuất sắc trong {topic}.",
    "Các đại biểu đề nghị tăng cường phối hợp giữa các cấp, các ngành trong {topic}, tránh chồng chéo.",
    "Lực lượng chức năng đã kiểm tra {n} cơ sở, phát hiện và xử lý vi phạm theo quy định của pháp luật.",
    "Trên địa bàn huyện hiện có {n} sản phẩm đạt chứng nhận OCOP từ 3 sao trở lên.",
    "Công tác tuyên truyền được đổi mới về nội dung và hình thức, phù hợp với từng nhóm đối tượng.",
    "Ủy ban nhân dân các huyện, thành phố chịu trách nhiệm trước Chủ tịch UBND tỉnh về kết quả {topic}.",
]
SPECIFICS = [
    "Thực hiện {doc} số {number}/{code} ngày {day}/{month}/{year} của UBND tỉnh, xã {place} đã xây dựng kế hoạch chi tiết.",
    "Ông {person}, {role} {place}, cho biết địa phương đã hoàn thành {pct}% chỉ tiêu về {topic}.",
    "Bà {person}, {role} {place}, chia sẻ: người dân rất phấn khởi khi thủ tục được giải quyết nhanh gọn.",
    "Hồ sơ mã số H40.{case}-{year}{month:02d}{day:02d}-{n:04d} của công dân {person} đã được giải quyết trước hạn.",
    "Theo {doc} số {number}/{code}, thời hạn hoàn thành là ngày {day}/{month}/{year}.",
]
AUTHORS = ["Phòng Thông tin – Báo chí", "Trung tâm Công nghệ thông tin và Truyền thông", "Văn phòng Sở",
           "Phòng Bưu chính – Viễn thông", "Cổng Thông tin điện tử tỉnh", "Báo Ninh Bình"]
FIRST_TAGS = ["CCHC", "TTHC", "chuyển đổi số", "CĐS", "DVCTT", "chữ ký số", "ATTT", "Đề án 06", "Bộ phận Một cửa",
              "chính quyền số", "nông thôn mới", "OCOP", "du lịch", "Tràng An", "giảm nghèo", "an toàn giao thông"]
TAG_PREFIXES = ["xã", "phường", "nông thôn mới", "OCOP", "du lịch", "chuyển đổi số", "y tế", "giáo dục", "thiên tai",
                "an ninh", "văn hóa", "đất đai", "giao thông", "môi trường", "tiếp công dân", "người cao tuổi", "Đề án 06"]
END = datetime(2026, 12, 1, tzinfo=timezone.utc)
SPAN = 12 * 365 * 86400  # seconds of archive before END


def slugify(text):
    text = text.replace("Đ", "D").replace("đ", "d")
    text = unicodedata.normalize("NFD", text)
    text = "".join(c for c in text if unicodedata.category(c) != "Mn").lower()
    return "-".join("".join(c if c.isalnum() else " " for c in text).split())


def tag_names():
    """2,000 distinct tags, the most used first."""
    names = list(FIRST_TAGS)
    for prefix, place in itertools.product(TAG_PREFIXES, PLACES):
        name = f"{prefix} {place}"
        if name not in names:
            names.append(name)
    return names[:2000]


def fill(rng, template, year):
    return template.format(
        n=rng.randint(2, 12), topic=rng.choice(TOPICS), subject=rng.choice(SUBJECTS), action=rng.choice(ACTIONS),
        pct=rng.randint(40, 99), d=rng.randint(0, 9), score=rng.randint(7, 9), place=rng.choice(PLACES), year=year)


def specific(rng, year):
    doc, code = rng.choice(DOCUMENTS)
    return rng.choice(SPECIFICS).format(
        doc=doc, code=code, number=rng.randint(1, 3000), day=rng.randint(1, 28), month=rng.randint(1, 12),
        year=year, place=rng.choice(PLACES), role=rng.choice(ROLES), pct=rng.randint(40, 99),
        topic=rng.choice(TOPICS), case=f"{rng.randint(1, 99999):05d}", n=rng.randint(1, 9999),
        person=f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}")


def copy_text(value):
    if value is None:
        return "\\N"
    return str(value).replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")


def marker(count):
    return f"bantin seed v{VERSION}: {count} articles"


def before():
    print("BEGIN;")
    for name in CATEGORIES:
        print(f"INSERT INTO categories (slug, name) VALUES ('{slugify(name)}', '{name}');")
    # Rows refer to categories 1-20: the database must be fresh.
    print("DO $$ BEGIN IF (SELECT max(id) FROM categories) <> 20 THEN "
          "RAISE EXCEPTION 'seed.py needs a freshly migrated database'; END IF; END $$;")
    print("CREATE TABLE seed_dropped_indexes AS SELECT indexname, indexdef FROM pg_indexes i "
          "WHERE tablename = 'articles' AND NOT EXISTS "
          "(SELECT FROM pg_constraint c WHERE c.conname = i.indexname);")
    print("DO $$ DECLARE r record; BEGIN FOR r IN SELECT indexname FROM seed_dropped_indexes LOOP "
          "EXECUTE 'DROP INDEX ' || quote_ident(r.indexname); END LOOP; END $$;")
    print("COMMIT;")


def rows(count, shard, shards):
    rng = random.Random(f"{VERSION}/{count}/{shard}/{shards}")
    pool_rng = random.Random(VERSION)  # the same sentence pool in every shard
    pool = [fill(pool_rng, template, pool_rng.randint(2014, 2026)) for template in SENTENCES for _ in range(1500)]
    tags = tag_names()
    tag_weights = list(itertools.accumulate(1 / (rank + 1) for rank in range(len(tags))))
    print("SET synchronous_commit = off;")
    print("COPY articles (slug, title, summary, body, category_id, tags, cover_url, cover_alt, author_name, status, "
          "published_at, created_at, created_by, updated_at, updated_by) FROM STDIN;")
    for i in range(shard, count, shards):
        # Articles were written over the years: later ones (higher i) are newer.
        written = END - timedelta(seconds=SPAN * (count - i) / count + rng.randint(0, 3 * 86400))
        kind = rng.random()
        if kind < 0.09:
            status, published = "DRAFT", None
        elif kind < 0.10:  # scheduled: publish time still in the future
            status, published = "PUBLISHED", END + timedelta(days=rng.randint(400, 1500))
        else:
            status, published = "PUBLISHED", written + timedelta(seconds=rng.randint(0, 86400))
        year = written.year
        place = rng.choice(PLACES)
        title = f"{rng.choice(SUBJECTS)} {rng.choice(ACTIONS)} {rng.choice(TOPICS)} tại xã {place} năm {year}"
        summary = " ".join(rng.choices(pool, k=2))
        sentences = rng.choices(pool, k=rng.randint(12, 22))
        for _ in range(rng.randint(1, 3)):
            sentences.insert(rng.randrange(len(sentences)), specific(rng, year))
        paragraphs = [" ".join(sentences[start:start + 4]) for start in range(0, len(sentences), 4)]
        body = "".join(f"<p>{p}</p>" for p in paragraphs) + "<p>./.</p>"
        chosen = {tags[bisect.bisect(tag_weights, rng.random() * tag_weights[-1])] for _ in range(rng.randint(1, 5))}
        tag_array = "{" + ",".join(f'"{t}"' for t in sorted(chosen)) + "}"
        cover = "/media/demo/cai-cach-hanh-chinh-hoi-nghi.svg" if i % 5 else None
        row = [f"{slugify(title)}-{i + 1}", title, summary, body, i % len(CATEGORIES) + 1, tag_array,
               cover, "Quang cảnh hội nghị" if cover else None, rng.choice(AUTHORS), status,
               published.isoformat() if published else None, written.isoformat(), "bench",
               written.isoformat(), "bench"]
        print("\t".join(copy_text(v) for v in row))
    print("\\.")


def after(count):
    print("SET maintenance_work_mem = '1GB';")
    print("SET max_parallel_maintenance_workers = 2;")
    print("DO $$ DECLARE r record; BEGIN FOR r IN SELECT indexdef FROM seed_dropped_indexes LOOP "
          "EXECUTE r.indexdef; END LOOP; END $$;")
    print("DROP TABLE seed_dropped_indexes;")
    print("VACUUM (ANALYZE) articles;")
    print(f"DO $$ BEGIN EXECUTE format('COMMENT ON DATABASE %I IS %L', current_database(), '{marker(count)}'); END $$;")


def main():
    arguments = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    arguments.add_argument("count", type=int)
    arguments.add_argument("--part", choices=["all", "before", "rows", "after", "marker"], default="all")
    arguments.add_argument("--shard", default="0/1", help="i/k: the rows of shard i of k")
    options = arguments.parse_args()
    shard, shards = (int(n) for n in options.shard.split("/"))
    if options.part == "marker":
        print(marker(options.count))
    if options.part in ("all", "before"):
        before()
    if options.part in ("all", "rows"):
        rows(options.count, shard, shards)
    if options.part in ("all", "after"):
        after(options.count)


if __name__ == "__main__":
    main()
