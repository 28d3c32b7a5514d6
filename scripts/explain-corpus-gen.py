#!/usr/bin/env python3
"""Authoring helper for tests/fixtures/explain-{dev,test}.toml (issue 23).

Hand-written base sentences per split (the two splits share no sentence)
plus mechanical noise that people really produce: the wrong keyboard
layout, transliteration, words run together, Latin look-alike capitals,
voice dictation with spoken punctuation. Deterministic (seeded)."""
import random, sys

QW = "`qwertyuiop[]asdfghjkl;'zxcvbnm,."
JC = "ёйцукенгшщзхъфывапролджэячсмитьбю"
TO_LAT = {c: l for c, l in zip(JC, QW)}

def layout(s):
    out = []
    for ch in s:
        lo = ch.lower()
        if lo in TO_LAT:
            l = TO_LAT[lo]
            out.append(l.upper() if ch != lo else l)
        else:
            out.append(ch)
    return "".join(out)

TR = {'а':'a','б':'b','в':'v','г':'g','д':'d','е':'e','ё':'yo','ж':'zh','з':'z','и':'i','й':'y','к':'k','л':'l','м':'m','н':'n','о':'o','п':'p','р':'r','с':'s','т':'t','у':'u','ф':'f','х':'h','ц':'ts','ч':'ch','ш':'sh','щ':'sch','ъ':'','ы':'y','ь':'','э':'e','ю':'yu','я':'ya'}
TR2 = dict(TR, **{'х':'kh','ц':'c','й':'j','ю':'ju','я':'ja','ы':'i','ь':"'",'щ':'shch','ё':'e'})
def translit(s, scheme):
    out = []
    for ch in s:
        lo = ch.lower()
        if lo in scheme:
            t = scheme[lo]
            out.append(t.capitalize() if ch != lo and t else t)
        else:
            out.append(ch)
    return "".join(out)

LOOK = {'А':'A','В':'B','Е':'E','К':'K','М':'M','Н':'H','О':'O','Р':'P','С':'C','Т':'T','Х':'X','У':'Y'}
def lookalike_caps(s):
    return "".join(LOOK.get(ch, ch) for ch in s.upper())

def run_together(s, rnd):
    ws = s.split(' ')
    if len(ws) < 2: return s
    out = [ws[0]]
    for w in ws[1:]:
        if rnd.random() < 0.6: out[-1] += w
        else: out.append(w)
    return " ".join(out)

PUNCT = {'.': ' точка', ',': ' запятая', '?': ' вопросительный знак', '!': ' восклицательный знак', ':': ' двоеточие', '—': ' тире'}
def dictate(s, rnd):
    out = []
    for ch in s:
        if ch in PUNCT: out.append(PUNCT[ch])
        elif ch in '«»"': out.append(rnd.choice([' кавычки ', ' открыть кавычки ' if ch == '«' else ' закрыть кавычки ']))
        else: out.append(ch)
    t = "".join(out).lower()
    t = " ".join(t.split())
    return t + rnd.choice(['', ' точка', ' новая строка'])

def typo(s, rnd):
    ws = s.split(' ')
    idx = [i for i, w in enumerate(ws) if len(w) >= 6]
    if not idx: return s
    i = rnd.choice(idx); w = ws[i]; k = rnd.randrange(1, len(w) - 2)
    ws[i] = w[:k] + w[k+1] + w[k] + w[k+2:]
    return " ".join(ws)

NOISES = [("layout", lambda s, r: layout(s)),
          ("translit", lambda s, r: translit(s, r.choice([TR, TR2]))),
          ("run together", run_together),
          ("look-alike caps", lambda s, r: lookalike_caps(s)),
          ("dictation", dictate),
          ("typo", typo)]

def q(s):
    return '"' + s.replace('\\', '\\\\').replace('"', '\\"').replace('\n', '\\n') + '"'

NOISE_BY_NAME = dict(NOISES)


def emit(split, positives, negatives, seed, noisy_share, extra_positives=(), extra_negatives=()):
    rnd = random.Random(seed)
    rows = []
    for id_, how, text in positives:
        rows.append((id_, how, text))
    # Noise on the short core messages (what people actually retype).
    cores = [(i, t) for i, h, t in positives if h in ("synonym", "as retold", "word order", "other subject")]
    for n, (name, f) in enumerate(NOISES):
        picks = rnd.sample(cores, min(len(cores), noisy_share))
        for id_, t in picks:
            rows.append((id_, name, f(t, rnd)))
    # Later rounds: hand-written rows appended after the first round's, so
    # those stay as they were. A row whose `how` names a noise is written
    # plainly and gets that noise here (its own seed).
    rnd2 = random.Random(seed + 1000)
    for id_, how, text in extra_positives:
        f = NOISE_BY_NAME.get(how)
        rows.append((id_, how, f(text, rnd2) if f and how != "typo" else text))
    negatives = list(negatives) + list(extra_negatives)
    lines = [f"# Issue 23: the `{split}` split. Written for issue 23 after explain-corpus.toml;",
             "# the two splits share no sentence. Generated once by scripts/explain-corpus-gen.py",
             "# (hand-written sentences + mechanical noise), then committed as data.",
             "# positive: {id, how, text}; negative: {expect, note, text}.", ""]
    lines.append("positive = [")
    for id_, how, text in rows:
        lines.append(f"    {{ id = {q(id_)}, how = {q(how)}, text = {q(text)} }},")
    lines.append("]\n\nnegative = [")
    for note, text in negatives:
        lines.append(f"    {{ expect = \"null\", note = {q(note)}, text = {q(text)} }},")
    lines.append("]")
    return "\n".join(lines) + "\n", len(rows), len(negatives)


def main():
    import itertools, os
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.dirname(here)
    for split, seed in [("dev", 23001), ("test", 23002)]:
        ns = {}
        exec(open(os.path.join(here, "explain-corpus", f"{split}.py"), encoding="utf-8").read(), ns)
        negs = list(ns["N"])
        for (note, t), s in itertools.product(ns["TEMPLATES"], ns["SERVICES"]):
            negs.append((note, t.format(s=s)))
        text, n_pos, n_neg = emit(split, ns["P"], negs, seed, 36, ns.get("P2", ()), ns.get("N2", ()))
        with open(os.path.join(root, "tests", "fixtures", f"explain-{split}.toml"), "w", encoding="utf-8") as f:
            f.write(text)
        print(split, n_pos, "positives", n_neg, "negatives")


if __name__ == "__main__":
    main()
