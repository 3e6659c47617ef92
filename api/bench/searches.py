#!/usr/bin/env python3
"""Prints 1,000 distinct search paths (GET /api/v1/articles?q=...) over seed.py's vocabulary,
deterministically: common and rare words, phrases of two and three words, with and without
tones and marks, names of communes and people, document numbers and case codes. Usage: searches.py"""
import itertools
import random
import urllib.parse

import seed

rng = random.Random(20261203)


def plain(text):
    """Without tones and marks, as readers often type."""
    return seed.slugify(text).replace("-", " ")


def words(text, count):
    parts = text.split()
    start = rng.randrange(max(1, len(parts) - count + 1))
    return " ".join(parts[start:start + count])


def person():
    return f"{rng.choice(seed.FAMILY)} {rng.choice(seed.MIDDLE)} {rng.choice(seed.GIVEN)}"


def document():
    doc, code = rng.choice(seed.DOCUMENTS)
    return f"{rng.randint(1, 3000)}/{code}"


COMMON = ["cải cách hành chính", "chuyển đổi số", "thủ tục hành chính", "người dân", "doanh nghiệp", "dịch vụ công",
          "UBND tỉnh", "hội nghị", "chính quyền số", "an toàn thông tin", "nông thôn mới", "du lịch", "Ninh Bình",
          "tỉnh", "kết quả", "năm 2024", "cán bộ", "tuyên truyền"]
KINDS = [
    lambda: rng.choice(COMMON),                                       # common words
    lambda: words(rng.choice(seed.TOPICS), rng.choice([2, 3])),       # two or three words of a topic
    lambda: words(rng.choice(seed.SENTENCES).format(n=5, topic="", subject="", action="", pct=50, d=1, score=8,
                                                     place="", year=2024), rng.choice([2, 3])),  # sentence words
    lambda: f"xã {rng.choice(seed.PLACES)}",                          # communes and wards
    lambda: person(),                                                 # personal names (rare as a whole)
    lambda: f"{rng.choice(seed.GIVEN)} {rng.choice(seed.PLACES)}",    # a name and a place: rarely together
    lambda: document(),                                               # document numbers (rare)
    lambda: f"H40.{rng.randint(1, 99999):05d}",                       # case codes (rarest)
    lambda: f'"{words(rng.choice(seed.TOPICS), 2)}"',                 # a quoted phrase
    lambda: f"{rng.choice(seed.TOPICS)} {rng.choice(seed.PLACES)}",   # topic and place: three or four words
]


def main():
    seen = set()
    for attempt in itertools.count():
        if len(seen) == 1000:
            break
        query = KINDS[attempt % len(KINDS)]().strip()
        if rng.random() < 0.5 and not any(c.isdigit() for c in query):
            query = plain(query) if not query.startswith('"') else '"' + plain(query) + '"'
        if query and query.lower() not in seen:
            seen.add(query.lower())
            print("/api/v1/articles?limit=20&q=" + urllib.parse.quote(query))


if __name__ == "__main__":
    main()
