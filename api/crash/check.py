#!/usr/bin/env python3
"""Checks a crash round of load.py against PostgreSQL (psql, connected by the PG* variables) and
the API: every acknowledged vote and rating is stored exactly once, a write that got no answer
at most once, a refused one not at all, nothing else is stored, the totals (in the database and
as the API reports them) equal the rows, and the API took writes again by itself.

Usage: check.py round API SURVEY NOTICE_SLUG BACK_AT ROUND_FILE [EARLIER_ROUND_FILES...]
         prints one line on the round; exits 1 naming every difference
       check.py total ROUND_FILES...
         prints how many votes and ratings were acknowledged in all
"""
import json
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections import Counter

SEEN_WITHIN = 2.0  # seconds for a change in the database to reach the API's cached reads
CACHED_TOTALS_WITHIN = 7.0  # seconds: twice the response cache's ttl, and a margin
RECOVERED_WITHIN = 10.0  # seconds from the restart to the first acknowledged write


def sql(query):
    out = subprocess.run(["psql", "-qtAX", "-F", "\t", "-v", "ON_ERROR_STOP=1", "-c", query],
                         check=True, capture_output=True, text=True).stdout
    return [line.split("\t") for line in out.splitlines()]


def get(url, headers=None):
    """(status, parsed JSON or None); (None, None) without an answer."""
    try:
        with urllib.request.urlopen(urllib.request.Request(url, headers=headers or {}), timeout=10) as answer:
            return answer.status, json.load(answer)
    except urllib.error.HTTPError as e:
        return e.code, None
    except OSError:
        return None, None


def article(api, slug):
    """The published article as the API serves it (from its cache), or {} when it answers otherwise."""
    return get(f"{api}/articles/{slug}")[1] or {}


def records(path):
    with open(path) as file:
        return [json.loads(line) for line in file]


def acknowledged(voters, kind):
    return sum(1 for voter in voters if voter[kind] == "acknowledged")


def check_answers(voters, problems):
    """What the clients were told: only acknowledgements, unanswered writes, and refused repeats."""
    for voter in voters:
        for kind in ("vote", "rating"):
            if voter[kind] not in ("acknowledged", "ambiguous"):
                problems.append(f"voter {voter['voter']}: {kind} {voter[kind]} (statuses {voter[kind + 'Statuses']})")
        if voter.get("voteAgain") not in (None, 409) and voter["voteAgain"] < 500:
            problems.append(f"voter {voter['voter']}: voting again was answered {voter['voteAgain']}, not 409")
        if voter.get("ratingAgain") not in (None, 200) and voter["ratingAgain"] < 500:
            problems.append(f"voter {voter['voter']}: rating again was answered {voter['ratingAgain']}, not 200")


def check_votes(api, survey, voters, problems):
    ballots = Counter({voter: int(n) for voter, n in sql(
        f"SELECT encode(voter_id, 'hex'), count(*) FROM survey_ballots WHERE survey_id = {survey} GROUP BY 1")})
    chosen = {}
    for voter, option in sql(f"SELECT encode(voter_id, 'hex'), option_id FROM survey_ballot_options WHERE survey_id = {survey}"):
        chosen.setdefault(voter, []).append(int(option))
    for voter in voters:
        stored, options = ballots.pop(voter["voter"], 0), chosen.get(voter["voter"], [])
        if voter["vote"] == "acknowledged" and stored != 1:
            problems.append(f"voter {voter['voter']}: vote acknowledged, stored {stored} times")
        elif voter["vote"] == "ambiguous" and stored > 1:
            problems.append(f"voter {voter['voter']}: vote unanswered, stored {stored} times")
        elif voter["vote"] not in ("acknowledged", "ambiguous") and stored:
            problems.append(f"voter {voter['voter']}: vote refused, stored all the same")
        if stored and options != [voter["option"]]:
            problems.append(f"voter {voter['voter']}: voted for {voter['option']}, stored options {options}")
    if ballots:
        problems.append(f"{len(ballots)} ballots of voters that no client sent")
    rows = int(sql(f"SELECT count(*) FROM survey_ballots WHERE survey_id = {survey}")[0][0])
    per_option = {int(option): int(votes) for option, votes in sql(
        f"SELECT option_id, count(*) FROM survey_ballot_options WHERE survey_id = {survey} GROUP BY 1")}
    totals = sql(f"""SELECT (SELECT coalesce(sum(voters), 0) FROM survey_totals WHERE survey_id = {survey}),
                            (SELECT json_object_agg(o.id, (SELECT coalesce(sum(votes), 0) FROM survey_option_totals t
                                                           WHERE t.option_id = o.id))
                             FROM survey_options o WHERE o.survey_id = {survey})""")[0]
    kept = {int(option): votes for option, votes in json.loads(totals[1]).items()}
    if int(totals[0]) != rows or any(kept[option] != per_option.get(option, 0) for option in kept):
        problems.append(f"survey totals {totals[0]} voters, {kept} per option; rows {rows} voters, {per_option} per option")
    status, results = get(f"{api}/surveys/{survey}/results")
    if status != 200:
        problems.append(f"GET /surveys/{survey}/results answered {status}")
    elif results["totalVoters"] != rows or any(o["votes"] != per_option.get(o["id"], 0) for o in results["options"]):
        problems.append(f"the API reports {results['totalVoters']} voters, {results['options']}; rows {rows}, {per_option}")


def check_ratings(api, voters, problems):
    stored = {}
    for voter, slug, score in sql("SELECT encode(r.voter_id, 'hex'), a.slug, r.score FROM ratings r JOIN articles a ON a.id = r.article_id"):
        stored.setdefault((voter, slug), []).append(int(score))
    for voter in voters:
        scores = stored.pop((voter["voter"], voter["slug"]), [])
        if voter["rating"] == "acknowledged" and scores != [voter["score"]]:
            problems.append(f"voter {voter['voter']}: rated {voter['score']}, acknowledged, stored {scores}")
        elif voter["rating"] == "ambiguous" and scores not in ([], [voter["score"]]):
            problems.append(f"voter {voter['voter']}: rated {voter['score']}, unanswered, stored {scores}")
        elif voter["rating"] not in ("acknowledged", "ambiguous") and scores:
            problems.append(f"voter {voter['voter']}: rating refused, stored all the same {scores}")
    if stored:
        problems.append(f"{len(stored)} ratings of voters that no client sent")
    rows = {slug: [int(n) for n in counts] for slug, *counts in sql("""
        SELECT a.slug, count(*), sum(r.score), count(*) FILTER (WHERE r.score = 1), count(*) FILTER (WHERE r.score = 2),
               count(*) FILTER (WHERE r.score = 3), count(*) FILTER (WHERE r.score = 4), count(*) FILTER (WHERE r.score = 5)
        FROM ratings r JOIN articles a ON a.id = r.article_id GROUP BY a.slug""")}
    totals = {slug: [int(n) for n in counts] for slug, *counts in sql("""
        SELECT a.slug, sum(ratings), sum(points), sum(score_1), sum(score_2), sum(score_3), sum(score_4), sum(score_5)
        FROM rating_totals t JOIN articles a ON a.id = t.article_id GROUP BY a.slug HAVING sum(ratings) > 0""")}
    if totals != rows:
        problems.append(f"rating totals (count, points, per score) {totals}; rows {rows}")
    for slug, (count, *_, one, two, three, four, five) in rows.items():
        status, summary = get(f"{api}/articles/{slug}/rating")
        if status != 200 or summary["count"] != count or list(summary["distribution"].values()) != [one, two, three, four, five]:
            problems.append(f"GET /articles/{slug}/rating answered {status} {summary}; rows {count}, {[one, two, three, four, five]}")
        if not within(CACHED_TOTALS_WITHIN, lambda: article(api, slug).get("rating", {}).get("count") == count):
            problems.append(f"GET /articles/{slug} still shows {article(api, slug).get('rating')}, rows {count}")


def within(seconds, condition):
    end = time.time() + seconds
    while not condition():
        if time.time() > end:
            return False
        time.sleep(0.02)
    return True


def check_listening(api, slug, problems):
    """A change made in the database reaches the API's cached article only through LISTEN."""
    article(api, slug)
    title = f"Thông báo {time.time_ns()}"
    sql(f"UPDATE articles SET title = '{title}' WHERE slug = '{slug}'")
    started = time.time()
    if not within(SEEN_WITHIN, lambda: article(api, slug).get("title") == title):
        problems.append(f"a title changed in the database was not served after {SEEN_WITHIN} s: "
                        "the API is not listening for content changes")
    return time.time() - started


def round_line(voters, requests, back_at, recovered, listened):
    failed = [t for t, kind, status in requests if status == "None" or int(status) >= 500]
    retried = sum(1 for voter in voters for kind in ("vote", "rating")
                  if voter[kind] == "acknowledged" and len(voter[kind + "Statuses"]) > 1)
    # "Already voted" after a failed attempt: that attempt was stored although its answer was lost.
    stored_unanswered = sum(1 for voter in voters if voter["vote"] == "acknowledged" and voter["voteStatuses"][-1] == 409)
    ambiguous = sum(1 for voter in voters for kind in ("vote", "rating") if voter[kind] == "ambiguous")
    last = max(failed, default=back_at) - back_at
    return (f"{len(failed)} requests failed, the last {abs(last):.1f} s {'after' if last > 0 else 'before'} it was back; "
            f"writes acknowledged again {recovered:.1f} s after; "
            f"{acknowledged(voters, 'vote')} votes and {acknowledged(voters, 'rating')} ratings acknowledged "
            f"({retried} after a failed attempt, votes already stored by it: {stored_unanswered}; unanswered: "
            f"{ambiguous}); a change made in the database reached "
            f"the API's cache in {listened * 1000:.0f} ms")


def check_round(api, survey, notice, back_at, files):
    voters = [voter for path in files for voter in records(path)]
    problems = []
    check_answers(voters, problems)
    check_votes(api, survey, voters, problems)
    check_ratings(api, voters, problems)
    listened = check_listening(api, notice, problems)
    with open(files[0] + ".requests") as file:
        requests = [line.rstrip("\n").split("\t") for line in file]
    requests = [(float(t), kind, status) for t, kind, status in requests]
    recovered = min((t for t, kind, status in requests
                     if t >= back_at and kind in ("vote", "rating") and status in ("200", "201")), default=None)
    if recovered is None or recovered - back_at > RECOVERED_WITHIN:
        problems.append(f"no vote or rating was acknowledged within {RECOVERED_WITHIN} s of the restart: "
                        "the API did not recover by itself")
    status, _ = get(api.replace("/api/v1", "/q/health/ready"))
    if status != 200:
        problems.append(f"/q/health/ready answers {status}")
    this_round = records(files[0])
    if problems:
        print(f"{len(problems)} differences:")
        for problem in problems[:50]:
            print("  " + problem)
        sys.exit(1)
    print(round_line(this_round, requests, back_at, recovered - back_at, listened) + "; all stored exactly once")


def main():
    if sys.argv[1] == "total":
        voters = [voter for path in sys.argv[2:] for voter in records(path)]
        print(f"{acknowledged(voters, 'vote'):,} votes and {acknowledged(voters, 'rating'):,} ratings acknowledged")
    else:
        api, survey, notice, back_at, *files = sys.argv[2:]
        check_round(api, int(survey), notice, float(back_at), files)


if __name__ == "__main__":
    main()
