"""Reconstructs respondent-level survey data from the tables the seed printed (item 2.5 and item 2.3).

The packet prints only pivots and percentages, never the answers behind them. This script writes one
deterministic set of answers that gives exactly the printed counts where counts were printed, and the closest
whole counts to the printed percentages where only percentages were. The result is labelled "rekonstrueret" in
the packs; Samraad then computes every table from these rows and compares with what was printed.

Run: python3 tools/reconstruct_surveys.py   (rewrites packs/klyngedeltagersurvey/data.csv and
packs/mobilitetssurvey-2023/data.csv; same output every time)
"""
import csv, itertools, math, os, random

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

def pct(count, total):
    """Whole percent, half away from zero, as the seed's spreadsheets round."""
    return math.floor(100 * count / total + 0.5) if total else None

# ---------- klyngedeltagersurvey (item 2.5) ----------
REGIONS = ["Region Hovedstaden", "Region Midtjylland", "Region Nordjylland", "Region Sjælland", "Region Syddanmark"]
ANSWERS = ["I høj grad", "I mindre grad", "I nogen grad", "Slet ikke", "Ved ikke", ""]
BY_REGION = {  # "Vurderes klynges samlede aktiviteter at være kendte eller relevante?", counts by region
    "I høj grad": [60, 49, 13, 8, 44], "I mindre grad": [53, 25, 17, 10, 20], "I nogen grad": [96, 77, 29, 11, 50],
    "Slet ikke": [10, 8, 3, 2, 6], "Ved ikke": [65, 53, 12, 8, 23], "": [73, 45, 16, 12, 30]}
CLUSTERS = ["Clean", "Food & Bio Cluster", "Life Science Cluster", "We Build Denmark"]
OTHER = "Øvrige klynger"
BY_CLUSTER = {
    "I høj grad": [14, 19, 8, 6], "I mindre grad": [12, 18, 8, 13], "I nogen grad": [23, 30, 16, 16],
    "Slet ikke": [2, 3, 6, 3], "Ved ikke": [17, 20, 20, 13], "": [17, 20, 20, 11]}
AREAS = ["Forskningsresultater eller ny teknologi", "Nye produktionsmetoder og processer", "Produktkrav, lovgivning og standarder",
         "Markedsudvikling eller forretningsmuligheder", "Tværfaglige indsigter", "Bæredygtighed og grøn omstilling",
         "Digitalisering og automatisering", "Relevante kontakter, netværk eller matchmaking"]
# The charts "Har deltagelsen ... ført til udbytte indenfor ...": high (I høj og nogen grad), low, ved ikke, in %.
SJ = [(26, 61, 13), (35, 57, 9), (35, 54, 11), (52, 43, 4), (39, 52, 9), (41, 48, 11), (37, 54, 9), (63, 35, 2)]
NAT = [(41, 49, 10), (31, 58, 11), (32, 56, 12), (47, 46, 7), (49, 42, 9), (48, 43, 9), (37, 52, 11), (62, 32, 6)]

def counts_for(percents, n):
    """Whole counts summing to n whose rounded shares are the printed percents, or None."""
    options = [[c for c in range(n + 1) if pct(c, n) == p] for p in percents[:-1]]
    for combo in itertools.product(*options):
        last = n - sum(combo)
        if last >= 0 and pct(last, n) == percents[-1]:
            return list(combo) + [last]
    return None

def nearest_n(percents, target, upper):
    """The respondent count nearest to target (at most upper) for which the printed percents are possible."""
    for n in sorted(range(1, upper + 1), key=lambda n: (abs(n - target), -n)):
        c = counts_for(percents, n)
        if c: return n, c
    raise SystemExit(f"no counts for {percents}")

def cluster_survey():
    rows = []
    for ai, answer in enumerate(ANSWERS):
        # respondents with this answer, region by region; clusters handed out in the same order
        regions = [r for ri, r in enumerate(REGIONS) for _ in range(BY_REGION[answer][ri])]
        clusters = [c for ci, c in enumerate(CLUSTERS) for _ in range(BY_CLUSTER[answer][ci])]
        clusters += [OTHER] * (len(regions) - len(clusters))
        rnd = random.Random(25 + ai)
        rnd.shuffle(clusters)
        rows += [{"region": r, "klynge": c, "kendskab": answer} for r, c in zip(regions, clusters)]
    rnd = random.Random(2024)
    rnd.shuffle(rows)
    sj = [r for r in rows if r["region"] == "Region Sjælland"]
    rest = [r for r in rows if r["region"] != "Region Sjælland"]
    # those who answered the first question first: they are the ones who would go on to the benefit questions
    known = lambda rs: [r for r in rs if r["kendskab"] != ""] + [r for r in rs if r["kendskab"] == ""]
    answered = lambda rs: sum(1 for r in rs if r["kendskab"] != "")
    for k, area in enumerate(AREAS):
        key = f"udbytte_{k + 1}"
        n_sj, c_sj = nearest_n(SJ[k], answered(sj), len(sj))
        n_nat, c_nat = nearest_n(NAT[k], answered(rows), len(rows))
        while any(a < b for a, b in zip(c_nat, c_sj)) or n_nat - n_sj > len(rest):
            n_nat, c_nat = nearest_n(NAT[k], n_nat - 1, n_nat - 1)
        print(f"{key}: Region Sjælland {c_sj} af {n_sj}, hele landet {c_nat} af {n_nat}")
        for group, counts in ((known(sj), c_sj), (known(rest), [a - b for a, b in zip(c_nat, c_sj)])):
            high, low, dont = counts
            answers = (["I høj grad"] * (high // 2) + ["I nogen grad"] * (high - high // 2) + ["I mindre grad"] * (low - low // 3)
                       + ["Slet ikke"] * (low // 3) + ["Ved ikke"] * dont)
            answers += [""] * (len(group) - len(answers))
            random.Random(k).shuffle(answers)
            for r, a in zip(group, answers): r[key] = a
        for r in rows:
            r.setdefault(key, "")
    with open(os.path.join(ROOT, "packs/klyngedeltagersurvey/data.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["ID-nummer", "Region", "Klynge", "Kendskab"] + [f"Udbytte {k + 1}" for k in range(len(AREAS))])
        for i, r in enumerate(rows):
            w.writerow([1001 + i, r["region"], r["klynge"], r["kendskab"]] + [r[f"udbytte_{k + 1}"] for k in range(len(AREAS))])

# ---------- mobilitetssurvey-2023 (item 2.3) ----------
def mobility_survey():
    with open(os.path.join(ROOT, "reference/kommuner.csv"), encoding="utf-8") as f:
        munis = list(csv.DictReader(f))
    groups = ["Hovedstads- og storbykommuner", "Provins- og oplandskommuner", "Landkommuner"]
    size = {g: sum(1 for m in munis if m["kl_survey_gruppe"] == g) for g in groups}
    # printed: all: øget 50, uændret/reduceret 41; H: 60 / 30; P: – / 50; L: 56 / 37. 2024: all fastholder 57, spare 34; P spare 56
    best = None
    for nh in range(1, size[groups[0]] + 1):
        for nl in range(1, size[groups[2]] + 1):
            np_ = 82 - nh - nl
            if not 1 <= np_ <= size[groups[1]]: continue
            for up_h, ur_h in [(a, b) for a in range(nh + 1) for b in range(nh + 1 - a)]:
                if abs(pct(up_h, nh) - 60) > 2 or abs(pct(ur_h, nh) - 30) > 2: continue
                for up_l, ur_l in [(a, b) for a in range(nl + 1) for b in range(nl + 1 - a)]:
                    if abs(pct(up_l, nl) - 56) > 2 or abs(pct(ur_l, nl) - 37) > 2: continue
                    for ur_p in range(np_ + 1):
                        if abs(pct(ur_p, np_) - 50) > 2: continue
                        for up_p in range(np_ - ur_p + 1):
                            up, ur = up_h + up_l + up_p, ur_h + ur_l + ur_p
                            err = (abs(pct(up, 82) - 50) + abs(pct(ur, 82) - 41) + abs(pct(up_h, nh) - 60) + abs(pct(ur_h, nh) - 30)
                                   + abs(pct(ur_p, np_) - 50) + abs(pct(up_l, nl) - 56) + abs(pct(ur_l, nl) - 37))
                            key = (err, abs(nh - 22) + abs(np_ - 33) + abs(nl - 27), nh, nl, up_h, ur_h, up_l, ur_l, ur_p, up_p)
                            if best is None or key < best: best = key
    err, _, nh, nl, up_h, ur_h, up_l, ur_l, ur_p, up_p = best
    np_ = 82 - nh - nl
    plan = {groups[0]: (nh, up_h, ur_h), groups[1]: (np_, up_p, ur_p), groups[2]: (nl, up_l, ur_l)}
    # 2024: fastholder 57 %, spare 34 % of all; 56 % of provins spare
    spare_p = min(range(np_ + 1), key=lambda c: abs(pct(c, np_) - 56))
    spare_all = min(range(82 + 1), key=lambda c: abs(pct(c, 82) - 34))
    keep_all = min(range(82 - spare_all + 1), key=lambda c: abs(pct(c, 82) - 57))
    rnd = random.Random(2023)
    rows = []
    for g in groups:
        n, up, ur = plan[g]
        members = sorted((m for m in munis if m["kl_survey_gruppe"] == g), key=lambda m: int(m["kommunekode"]))
        chosen = sorted(rnd.sample(members, n), key=lambda m: int(m["kommunekode"]))
        budget = ["Øget"] * up + [("Uændret" if i % 2 == 0 else "Reduceret") for i in range(ur)] + ["Ved ikke"] * (n - up - ur)
        rnd.shuffle(budget)
        rows += [{"kode": m["kommunekode"], "navn": m["kommune"], "gruppe": g, "budget_2023": b} for m, b in zip(chosen, budget)]
    # 2024 per group: the provincial municipalities' savings as printed (56 %), the rest of the 34 % split over the
    # other two groups by size, "ved ikke" (the remainder of 57 % + 34 %) spread by size, the others keep service.
    counts = {g: plan[g][0] for g in groups}
    dont_all = 82 - spare_all - keep_all
    spare = {groups[1]: spare_p}
    rest = spare_all - spare_p
    spare[groups[0]] = round(rest * counts[groups[0]] / (counts[groups[0]] + counts[groups[2]]))
    spare[groups[2]] = rest - spare[groups[0]]
    dont = {groups[0]: round(dont_all * counts[groups[0]] / 82), groups[1]: round(dont_all * counts[groups[1]] / 82)}
    dont[groups[2]] = dont_all - dont[groups[0]] - dont[groups[1]]
    for g in groups:
        members = [r for r in rows if r["gruppe"] == g]
        answers = ["Skal spare"] * spare[g] + ["Ved ikke"] * dont[g]
        answers += ["Fastholder service"] * (len(members) - len(answers))
        random.Random(g).shuffle(answers)
        for r, a in zip(members, answers): r["budget_2024"] = a
    rows.sort(key=lambda r: int(r["kode"]))
    with open(os.path.join(ROOT, "packs/mobilitetssurvey-2023/data.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["kommunekode", "kommune", "budget_busdrift_2023", "budget_busdrift_2024"])
        for r in rows: w.writerow([r["kode"], r["navn"], r["budget_2023"], r["budget_2024"]])
    print("mobilitet:", plan, "samlet afvigelse", err, "procentpoint; 2024 spare", spare_all, "heraf provins", spare_p, "fastholder", keep_all)

os.makedirs(os.path.join(ROOT, "packs/klyngedeltagersurvey"), exist_ok=True)
os.makedirs(os.path.join(ROOT, "packs/mobilitetssurvey-2023"), exist_ok=True)
cluster_survey()
mobility_survey()
