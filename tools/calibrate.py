#!/usr/bin/env python3
"""Fits the answer-confidence model (src/ClusterBot.Core/Answering/AnswerConfidence.cs) on the development questions.

Usage: tools/calibrate.py APP [CASES.jsonl ...]
APP is the built ClusterBot executable. Every development set is asked with Bot__MinConfidence=0, so the best match of
each free-text question is given whatever its confidence; each such answer is graded as ../shared/eval/grade.py grades
(answered as expected, every "must" pattern found, a source cited). A logistic model is fitted to the evidence the
app reports against whether that forced answer was right, and the threshold is chosen where the most questions end up
right, a fact given to a question the paper does not answer counting as two mistakes. Test halves are never read.
"""
import json, math, os, re, subprocess, sys

DEFAULT_SETS = ["tests/ClusterBot.Tests/Eval/blind-dev.jsonl", "tests/ClusterBot.Tests/Eval/blind2-dev.jsonl",
                "tests/ClusterBot.Tests/Eval/blind3-dev.jsonl", "tests/ClusterBot.Tests/Eval/blind4-dev.jsonl", "tests/ClusterBot.Tests/Eval/blind5-dev.jsonl",
                "tests/ClusterBot.Tests/Eval/blind6-dev.jsonl", "tests/ClusterBot.Tests/Eval/blind7-dev.jsonl",
                "tests/ClusterBot.Tests/Eval/blind8-dev.jsonl",
                "tests/ClusterBot.Tests/Cli/paraphrases.jsonl",
                "../shared/eval/questions.jsonl"]
NAMES = ["coverage", "predicate", "lead", "sameSubject", "unknown", "matched", "named"]
FALSE_ANSWER_COST = 2.0

def features(e):
    return [min(e["coverage"], 1.0), e["predicate"], e["lead"], 1.0 if e["sameSubject"] else 0.0, e["unknown"], e["matched"], 1.0 if e["named"] else 0.0]

def right(case, got):
    text = got.get("text") or ""
    return case["answered"] and bool(got.get("answered")) and all(re.search(m, text, re.I) for m in case["must"]) and bool(got.get("sources"))

def ask(app, cases):
    env = dict(os.environ, Bot__MinConfidence="0")
    feed = "".join(c["q"].replace("\n", " ") + "\n" for c in cases)
    run = subprocess.run([app, "ask", "--json"], input=feed.encode(), capture_output=True, env=env, timeout=600, check=True)
    return [json.loads(l) for l in run.stdout.decode().splitlines() if l.strip()]

def fit(xs, ys, l2=0.01, rounds=50):
    """Logistic regression by Newton's method, with a small ridge that keeps separable data finite."""
    n = len(xs[0]) + 1
    rows = [[1.0] + x for x in xs]
    w = [0.0] * n
    for _ in range(rounds):
        grad = [0.0] * n
        hess = [[0.0] * n for _ in range(n)]
        for r, y in zip(rows, ys):
            p = 1 / (1 + math.exp(-sum(wi * ri for wi, ri in zip(w, r))))
            for i in range(n):
                grad[i] += (p - y) * r[i]
                for j in range(n):
                    hess[i][j] += p * (1 - p) * r[i] * r[j]
        for i in range(1, n):
            grad[i] += l2 * len(rows) * w[i]
            hess[i][i] += l2 * len(rows)
        step = solve(hess, grad)
        w = [wi - si for wi, si in zip(w, step)]
        if max(abs(si) for si in step) < 1e-9:
            break
    return w

def solve(a, b):
    """Gaussian elimination with partial pivoting (no numpy needed)."""
    n = len(b)
    m = [row[:] + [b[i]] for i, row in enumerate(a)]
    for c in range(n):
        p = max(range(c, n), key=lambda r: abs(m[r][c]))
        m[c], m[p] = m[p], m[c]
        for r in range(n):
            if r != c and m[c][c] != 0:
                f = m[r][c] / m[c][c]
                m[r] = [x - f * y for x, y in zip(m[r], m[c])]
    return [m[i][n] / m[i][i] for i in range(n)]

def main():
    app = sys.argv[1]
    sets = sys.argv[2:] or DEFAULT_SETS
    rows = []
    for path in sets:
        if "-test" in os.path.basename(path):
            sys.exit(f"{path}: a test half is only scored, never fitted on")
        cases = [json.loads(l) for l in open(path, encoding="utf-8") if l.strip()]
        for case, got in zip(cases, ask(app, cases)):
            if got.get("evidence"):
                rows.append((features(got["evidence"]), 1.0 if right(case, got) else 0.0, case["answered"]))
    xs = [r[0] for r in rows]
    ys = [r[1] for r in rows]
    w = fit(xs, ys)
    print(f"{len(rows)} questions reached the confidence check; {int(sum(ys))} of their best matches were right")
    print("Bias = %.2f" % w[0])
    for name, wi in zip(NAMES, w[1:]):
        print("%s = %.2f" % (name, wi))
    best = None
    for t in [i / 100 for i in range(5, 96)]:
        score = 0.0
        for x, y, answerable in rows:
            p = 1 / (1 + math.exp(-(w[0] + sum(wi * xi for wi, xi in zip(w[1:], x)))))
            if p >= t:
                score += 1 if y else (-FALSE_ANSWER_COST if not answerable else 0)
            elif not answerable:
                score += 1
        if best is None or score > best[1]:
            best = (t, score)
    print("MinConfidence = %.2f (net right %.0f of %d)" % (best[0], best[1], len(rows)))

if __name__ == "__main__":
    main()
