#!/usr/bin/env python3
"""Writes SQL (for psql) that seeds N legal documents of a province into a database freshly migrated
by the API, and prints the search paths the benchmark asks. Deterministic (fixed random seed).

Documents: numbers such as `1234/2019/QĐ-UBND`, `56/KH-UBND` or `789/UBND-VP` (a running
number per body and year), the types seeded by migration V29, 26 provincial bodies and the centre's three,
40 signers, 16 fields, issue dates over 2005-2026 with effective dates a few days later, a tenth with
an expiry date, summaries of 15-30 words ("Về việc ban hành Quy chế ... trên địa bàn tỉnh Ninh
Bình"), 95 % published; one in twenty published documents replaces an older one.
Usage: seed_documents.py N --part rows | psql      seed_documents.py N --part paths --kind symbol"""
import argparse
import random
import urllib.parse
from datetime import date, datetime, timedelta, timezone

import seed

ISSUERS = [("UBND tỉnh Ninh Bình", "UBND"), ("HĐND tỉnh Ninh Bình", "HĐND"), ("Sở Thông tin và Truyền thông", "STTTT"),
           ("Sở Nội vụ", "SNV"), ("Sở Tư pháp", "STP"), ("Sở Tài chính", "STC"), ("Sở Y tế", "SYT"),
           ("Sở Giáo dục và Đào tạo", "SGDĐT"), ("Sở Kế hoạch và Đầu tư", "SKHĐT"), ("Sở Xây dựng", "SXD"),
           ("Sở Giao thông vận tải", "SGTVT"), ("Sở Tài nguyên và Môi trường", "STNMT"), ("Sở Du lịch", "SDL"),
           ("Sở Nông nghiệp và Phát triển nông thôn", "SNN"), ("Sở Công Thương", "SCT"), ("Sở Lao động – Thương binh và Xã hội", "SLĐTBXH"),
           ("Sở Văn hóa và Thể thao", "SVHTT"), ("Sở Khoa học và Công nghệ", "SKHCN"), ("Thanh tra tỉnh", "TTr"),
           ("Ban Dân tộc tỉnh", "BDT"), ("UBND thành phố Ninh Bình", "UBND"), ("UBND thành phố Tam Điệp", "UBND"),
           ("UBND huyện Hoa Lư", "UBND"), ("UBND huyện Kim Sơn", "UBND"), ("UBND huyện Nho Quan", "UBND"),
           ("UBND huyện Gia Viễn", "UBND")]
# Types (V29) with the code of their symbol; a Công văn's symbol is the body's code then the drafting office's.
TYPES = [("Quyết định", "QĐ", 30), ("Kế hoạch", "KH", 20), ("Công văn", None, 20), ("Thông báo", "TB", 10),
         ("Chỉ thị", "CT", 5), ("Nghị quyết", "NQ", 10), ("Thông tư", "TT", 3), ("Nghị định", "NĐ", 1), ("Luật", "", 1)]
# Laws, decrees and circulars a province publishes come from the centre: `15/2024/QH15`, `42/2022/NĐ-CP`.
CENTRAL = {"Luật": ("Quốc hội", "QH15"), "Nghị định": ("Chính phủ", "CP"),
           "Thông tư": ("Bộ Thông tin và Truyền thông", "BTTTT")}
FIELDS = ["Hành chính", "Tài chính", "Đất đai", "Xây dựng", "Giáo dục", "Y tế", "Văn hóa – Xã hội", "Thông tin và Truyền thông",
          "Nông nghiệp", "Giao thông", "Tài nguyên – Môi trường", "Lao động – Việc làm", "Nội vụ", "Tư pháp",
          "Du lịch", "Khoa học và Công nghệ"]
POSITIONS = ["Chủ tịch", "Phó Chủ tịch", "Giám đốc", "Phó Giám đốc"]
OPENINGS = ["Về việc ban hành Quy chế", "Ban hành Quy định", "Về việc phê duyệt Kế hoạch", "Về việc triển khai",
            "Sửa đổi, bổ sung một số điều của Quy định", "Hướng dẫn thực hiện", "Về việc tăng cường", "Về việc kiện toàn Ban Chỉ đạo",
            "Phê duyệt danh mục", "Về việc giao chỉ tiêu", "Quy định chức năng, nhiệm vụ, quyền hạn", "Về việc công bố danh mục"]
LINKS = ["phối hợp", "quản lý", "thực hiện", "đẩy mạnh", "tổ chức", "kiểm tra, giám sát", "đánh giá"]
END = date(2026, 12, 1)
SEED_VERSION = 1


def signers(rng):
    return [f"{rng.choice(seed.FAMILY)} {rng.choice(seed.MIDDLE)} {rng.choice(seed.GIVEN)}" for _ in range(40)]


def documents(count):
    """(number, type, issuer, signer, position, field, issued, effective, expires, summary, published, replaces)."""
    rng = random.Random(20261204)
    people = signers(rng)
    running = {}
    kinds = [t for t in TYPES for _ in range(t[2])]
    for index in range(count):
        issued = END - timedelta(days=int(rng.random() * 22 * 365))
        kind, code, _ = rng.choice(kinds)
        issuer, body = CENTRAL[kind] if kind in CENTRAL else rng.choice(ISSUERS)
        serial = running[(body, issued.year)] = running.get((body, issued.year), 0) + 1
        if kind == "Công văn":
            number = f"{serial}/{body}-VP"
        elif kind in CENTRAL or (kind in ("Quyết định", "Nghị quyết", "Chỉ thị") and rng.random() < 0.5):
            number = f"{serial}/{issued.year}/{code}-{body}".replace("/-", "/")
        else:
            number = f"{serial}/{code}-{body}"
        place = f"tại xã {rng.choice(seed.PLACES)}" if rng.random() < 0.3 else "trên địa bàn tỉnh Ninh Bình"
        summary = " ".join([rng.choice(OPENINGS), rng.choice(LINKS), rng.choice(seed.TOPICS), "và",
                            rng.choice(seed.TOPICS), place, f"giai đoạn {issued.year}–{issued.year + 5}"])
        signer = rng.choice(people)
        position = rng.choice(["Chủ tịch", "Phó Chủ tịch"] if body in ("UBND", "HĐND") else POSITIONS[2:])
        effective = issued + timedelta(days=rng.choice([0, 0, 10, 15, 45]))
        expires = effective + timedelta(days=rng.randint(180, 3650)) if rng.random() < 0.1 else None
        published = rng.random() < 0.95
        replaces = rng.randrange(index) + 1 if index > 0 and published and rng.random() < 0.05 else None
        yield (number, kind, issuer, signer, position, rng.choice(FIELDS), issued, effective, expires, summary,
               published, replaces)


def copy_text(value):
    if value is None:
        return r"\N"
    if isinstance(value, bool):
        return "t" if value else "f"
    return str(value).replace("\\", "\\\\").replace("\t", " ").replace("\n", " ")


def rows(count):
    created = datetime(2026, 12, 1, tzinfo=timezone.utc).isoformat()
    print("COPY documents (slug, number, type, issuer, signer_name, signer_position, field, issued_at, effective_at,"
          " expires_at, summary, published, published_at, created_at, updated_at) FROM stdin;")
    relations = []
    for index, row in enumerate(documents(count), start=1):
        number, kind, issuer, signer, position, field, issued, effective, expires, summary, published, replaces = row
        slug = f"{seed.slugify(number)}-{index}"
        print("\t".join(copy_text(v) for v in [slug, number, kind, issuer, signer, position, field, issued, effective,
                                               expires, summary, published, created if published else None,
                                               created, created]))
        if replaces:
            relations.append((index, replaces))
    print("\\.")
    print("INSERT INTO document_relations (from_id, kind, to_id) VALUES "
          + ", ".join(f"({a}, 'replaces', {b})" for a, b in relations) + " ON CONFLICT DO NOTHING;")
    print("VACUUM ANALYZE documents; VACUUM ANALYZE document_relations;")


def paths(count, kind):
    """500 distinct search paths of one kind over the seeded documents."""
    rng = random.Random(kind)
    docs = [d for d in documents(count) if d[10]]
    made = set()
    while len(made) < 500:
        number, doc_type, issuer, signer, _, field, issued, _, _, summary, _, _ = rng.choice(docs)
        if kind == "symbol":  # a whole number and symbol, as copied from a paper
            query = {"number": number}
        elif kind == "partial":  # part of one: `15/2024`, `QĐ-UBND`, `KH-SNV`
            parts = number.split("/")
            query = {"q": "/".join(parts[:2]) if len(parts) == 3 and rng.random() < 0.5 else parts[-1]
                     if rng.random() < 0.5 else f"{parts[0]}/{parts[-1]}"}
        elif kind == "words":  # two or three words of a summary, half of them typed without tones
            words = summary.split()
            start = rng.randrange(len(words) - 3)
            text = " ".join(words[start:start + rng.choice([2, 3])])
            query = {"q": seed.slugify(text).replace("-", " ") if rng.random() < 0.5 else text}
        else:  # filters: type and year, issuer and field, status, signer
            query = rng.choice([{"type": doc_type, "year": issued.year}, {"issuer": issuer, "field": field},
                                {"status": rng.choice(["in_force", "expired", "replaced"]), "type": doc_type},
                                {"signer": signer.split()[-1], "year": issued.year}])
        made.add("/api/v1/documents?" + urllib.parse.urlencode(query) + "&limit=20")
    print("\n".join(sorted(made)))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("count", type=int)
    parser.add_argument("--part", choices=["rows", "paths", "marker"], required=True)
    parser.add_argument("--kind", choices=["symbol", "partial", "words", "filters"])
    args = parser.parse_args()
    if args.part == "rows":
        rows(args.count)
    elif args.part == "paths":
        paths(args.count, args.kind)
    else:
        print(f"bantin documents benchmark: {args.count} documents, seed version {SEED_VERSION}")


if __name__ == "__main__":
    main()
