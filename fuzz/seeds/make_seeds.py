#!/usr/bin/env python3
"""Writes the seed inputs of each fuzz target from tests/fixtures/*.toml.

Usage: python3 fuzz/seeds/make_seeds.py <out dir>   (from the repo root)
Creates <out dir>/<target>/<n> files; scripts/fuzz.sh copies them into the
corpus before a run.
"""
import json
import os
import sys
import tomllib

root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(root, "fuzz", "seeds", "out")


def fixture(name):
    with open(os.path.join(root, "tests", "fixtures", name), "rb") as f:
        return tomllib.load(f)


def write(target, items):
    d = os.path.join(out, target)
    os.makedirs(d, exist_ok=True)
    seen = set()
    for i, data in enumerate(items):
        if isinstance(data, str):
            data = data.encode("utf-8")
        if data in seen:
            continue
        seen.add(data)
        with open(os.path.join(d, f"seed-{i:03}"), "wb") as f:
            f.write(data)


def as_json(obj):
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


elig = fixture("eligibility.toml")
items = []
for case in elig.get("case", []):
    inp = case["input"]
    clock = inp.get("now") or (inp.get("today", "2026-03-10") + "T12:00")
    items.append(as_json({"clock": clock, "input": inp}))
write("eligibility", items)

pw = fixture("password.toml")
items = []
for case in pw.get("case", []):
    c = {"password": case["password"]}
    for k in ("confirm", "personal", "policy"):
        if k in case:
            c[k] = case[k]
    items.append(as_json(c))
for case in pw.get("policy_error", []):
    items.append(as_json({"password": "Xk4$zq9!Lm2@", "policy": case["policy"]}))
write("password", items)

ex = fixture("explain.toml")
items = []
for e in ex.get("entry", []):
    items += e.get("typo", []) + e.get("truncated", [])
items += [n["text"] for n in ex.get("none", [])]
items += [c["text"] for c in ex.get("case", []) if "text" in c]
write("explain", [t for t in items if t and not t.startswith("\0")])

docs = fixture("documents.toml")
items = [c["text"] for c in docs.get("certificate", [])]
for c in docs.get("comparison", []):
    for side in ("diary", "gosuslugi"):
        if "snils" in c.get(side, {}):
            items.append(c[side]["snils"])
items += ["112-233-445 95", "112-233-445 59", "11223344595", "001-001-998 00", "112 233 445 9O"]
write("documents", items)

write("records", [as_json({"diary": c["diary"], "gosuslugi": c["gosuslugi"]}) for c in docs.get("comparison", [])])
