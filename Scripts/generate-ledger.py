#!/usr/bin/env python3
"""Builds a deterministic synthetic petitions ledger for benchmarks, through the commands users have.

    Scripts/generate-ledger.py --scale small|medium|large --petitions BIN --out DIR

Writes into DIR: the CSV files (petitioners.csv, receipts.csv, letters-sent.csv, letters-replies.csv), then
ledger-base.sqlite (authorities, groups and decrees: the ledger before petitioners are imported, for the import
benchmark) and ledger.sqlite (everything). Every record goes through `petitions`: `authority add`, `group add`,
`decree add`, `enrol`, `delivery schedule`, `petition log` one command each, and `import petitioners|receipts|letters`
for the rows; no SQL is written by hand, so every record has its event. The random generator has a fixed seed:
the same scale gives the same ledger, row for row.

Shapes (per scale: small, medium, large):
- authorities 40 / 150 / 400, in chains up to four deep (a ministry, its departments, their offices), a third with
  a reply window of their own;
- groups 20 / 200 / 2,000 with head-counts, and petitioners 1,000 / 10,000 / 100,000, each a member of a group,
  two in three with a household of one to three dependants;
- 5 decrees, every group enrolled in each, monthly from 1912-01 to 1920-04 (100 periods): 10,000 / 100,000 /
  1,000,000 expected deliveries, of which 88% came in full, 6% in part and 6% never;
- 10,000 / 100,000 / 1,000,000 letters: letters sent by petitioners and groups to authorities, 90% of them
  answered by a reply 5 to 60 days later (some after the as-of day), 50 petitions with letters of their own.
"""
import argparse
import csv
import os
import random
import shutil
import subprocess
import sys
import time

SCALES = {
    "small": dict(authorities=40, groups=20, persons=1_000, letters=10_000),
    "medium": dict(authorities=150, groups=200, persons=10_000, letters=100_000),
    "large": dict(authorities=400, groups=2_000, persons=100_000, letters=1_000_000),
}
SEED = 19200304
FIRST_PERIOD = (1912, 1)
PERIODS = 100
AS_OF = "1920-03-04"
# Each decree: handle, rations per head of each category (funt of a commodity).
DECREES = [
    ("bread-1912", [("employee", 8, "wheat"), ("incapacitated", 5, "wheat")]),
    ("sugar-1913", [("employee", 1, "sugar"), ("incapacitated", 1, "sugar")]),
    ("salt-1914", [("employee", 2, "salt")]),
    ("rye-1915", [("employee", 6, "rye flour"), ("incapacitated", 4, "rye flour")]),
    ("oats-1916", [("employee", 3, "oats"), ("child", 2, "oats")]),
]
SURNAMES = ["Petrov", "Ivanov", "Smirnov", "Kuznetsov", "Popov", "Sokolov", "Lebedev", "Kozlov", "Novikov", "Morozov",
            "O'Brien", "Müller", "Nowak", "Kowalczyk", "Horváth", "Dvořák", "García", "Rossi", "Øster", "Żukowski"]
GIVEN = ["Ivan", "Pëtr", "Maria", "Anna", "Sergei", "Olga", "Nikolai", "Elena", "Fyodor", "Vera", "Józef", "Zoë"]
DISTRICTS = ["Dmitrov", "Klin", "Mozhaisk", "Podolsk", "Kolomna", "Serpukhov", "Zvenigorod", "Volokolamsk"]
OCCUPATIONS = ["postal clerk", "telegraphist", "letter carrier", "lineman", "teacher", "nurse", "writer"]
SUBJECTS = ["Provisions not delivered", "Ration short", "Housing", "Fuel for the winter", "Pay in arrears",
            "Appeal", "Reminder", "Request for information", "Complaint about the supply centre"]


def period(i):
    y, m = FIRST_PERIOD
    m += i
    return "%04d-%02d" % (y + (m - 1) // 12, (m - 1) % 12 + 1)


def day(rng, first_year=1912, last="1920-04-30"):
    """A day between 1 January of first_year and `last` (inclusive)."""
    import datetime
    a = datetime.date(first_year, 1, 1)
    b = datetime.date.fromisoformat(last)
    return (a + datetime.timedelta(days=rng.randrange((b - a).days + 1))).isoformat()


def add_days(iso, n):
    import datetime
    return (datetime.date.fromisoformat(iso) + datetime.timedelta(days=n)).isoformat()


class Runner:
    def __init__(self, binary, db, log):
        self.binary, self.db, self.log = binary, db, log
        self.count = 0

    def __call__(self, *args):
        cmd = [self.binary, *args, "--db", self.db]
        r = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                           env={**os.environ, "PETITIONS_ACTOR": "generator", "NO_COLOR": "1"})
        self.count += 1
        if r.returncode != 0:
            sys.exit("generate-ledger: %s failed (%d): %s" % (" ".join(args), r.returncode, r.stderr.strip()))


def write_csv(path, header, rows):
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--scale", choices=SCALES, default="small")
    ap.add_argument("--petitions", required=True, help="the petitions binary")
    ap.add_argument("--out", required=True, help="the folder to write into (emptied first)")
    a = ap.parse_args()
    s = SCALES[a.scale]
    rng = random.Random(SEED)
    shutil.rmtree(a.out, ignore_errors=True)
    os.makedirs(a.out)
    db = os.path.join(a.out, "ledger.sqlite")
    run = Runner(a.petitions, db, None)
    started = time.time()

    def step(what):
        print("  %-44s %7.1f s" % (what, time.time() - started), file=sys.stderr, flush=True)

    run("init", "--office", "bench")
    # Authorities in chains: ministries, their departments, offices under them.
    authorities = []
    for i in range(s["authorities"]):
        handle = "authority-%d" % (i + 1)
        args = ["authority", "add", "--name", "Authority %d of %s" % (i + 1, rng.choice(DISTRICTS)), "--handle", handle]
        if i >= 5:
            args += ["--parent", authorities[rng.randrange(max(1, len(authorities) * 3 // 4))]]
        if i % 3 == 0:
            args += ["--reply-within", rng.choice(["20 working days", "3 weeks", "1 month"])]
        run(*args)
        authorities.append(handle)
    step("%d authorities" % len(authorities))

    # Groups with head-counts of their own (members are counted at enrolment through --count).
    groups = []
    counts = {}
    for i in range(s["groups"]):
        handle = "group-%d" % (i + 1)
        c = {"employee": rng.randint(20, 150), "incapacitated": rng.randint(5, 150), "child": rng.randint(0, 80)}
        args = ["group", "add", "--name", "Employees of the %s office %d" % (rng.choice(DISTRICTS), i + 1), "--handle", handle,
                "--district", rng.choice(DISTRICTS)]
        for k, v in c.items():
            if v > 0:
                args += ["--count", "%s=%d" % (k, v)]
        run(*args)
        groups.append(handle)
        counts[handle] = c
    step("%d groups" % len(groups))

    suppliers = authorities[5:] or authorities
    for handle, rations in DECREES:
        args = ["decree", "add", "--handle", handle, "--name", "Decree %s" % handle, "--issued", "1911-12-01",
                "--supplier", rng.choice(suppliers), "--every", "month", "--due-day", "1"]
        for cat, n, commodity in rations:
            args += ["--ration", "%s: %d funt %s" % (cat, n, commodity)]
        run(*args)
    step("%d decrees" % len(DECREES))
    shutil.copyfile(db, os.path.join(a.out, "ledger-base.sqlite"))

    # Petitioners: every one in a group, most with a household.
    rows = []
    persons = []
    for i in range(s["persons"]):
        name = "%s %s" % (rng.choice(GIVEN), rng.choice(SURNAMES))
        handle = "person-%d" % (i + 1)
        # The same dependant drawn twice is written once (the import refuses a dependant given twice); the draws
        # stay as they were, so the rest of the ledger does not change.
        drawn = ["%s %s:%s" % (rng.choice(GIVEN), rng.choice(SURNAMES), rng.choice(["incapacitated", "child"]))
                 for _ in range(rng.choice([0, 1, 1, 2, 3]) if rng.random() < 2 / 3 else 0)]
        deps = ";".join(dict.fromkeys(drawn))
        rows.append([name, handle, rng.choice(DISTRICTS), rng.choice(OCCUPATIONS), groups[i % len(groups)], deps, day(rng, 1911, "1911-12-31")])
        persons.append(handle)
    write_csv(os.path.join(a.out, "petitioners.csv"), ["name", "handle", "district", "occupation", "groups", "dependants", "on"], rows)
    run("import", "petitioners", os.path.join(a.out, "petitioners.csv"))
    step("%d petitioners imported" % len(rows))

    # Every group in every decree, with its head-counts; then the deliveries of 100 months.
    for handle, rations in DECREES:
        cats = {c for c, _, _ in rations}
        for g in groups:
            args = ["enrol", "--decree", handle, "--recipient", g, "--from", "1912-01-01"]
            for k, v in counts[g].items():
                if v > 0 and k in cats:
                    args += ["--count", "%s=%d" % (k, v)]
            if len(args) > 7:
                run(*args)
    step("enrolments")
    for handle, _ in DECREES:
        run("delivery", "schedule", "--decree", handle, "--from", period(0), "--to", period(PERIODS - 1), "--on", "1912-01-01")
    step("%d deliveries scheduled" % (len(DECREES) * len(groups) * PERIODS))

    # Receipts: 88% in full, 6% in part, 6% never; none after the as-of day's period.
    rows = []
    for handle, rations in DECREES:
        for g in groups:
            for p in range(PERIODS):
                per = period(p)
                if per > AS_OF[:7]:
                    continue
                x = rng.random()
                if x < 0.06:
                    continue
                share = 1.0 if x >= 0.12 else 0.5
                totals = {}
                for cat, n, commodity in rations:
                    totals[commodity] = totals.get(commodity, 0) + n * counts[g].get(cat, 0)
                qty = ";".join("%d funt %s" % (max(1, int(v * share)), c) for c, v in sorted(totals.items()) if v > 0)
                if qty:
                    rows.append([handle, g, per, "%s-%02d" % (per, rng.randint(1, 28)), qty])
    write_csv(os.path.join(a.out, "receipts.csv"), ["decree", "recipient", "period", "on", "quantity"], rows)
    run("import", "receipts", os.path.join(a.out, "receipts.csv"))
    step("%d receipts imported" % len(rows))

    # A few petitions, with the first letters attached to them.
    petitions = []
    for i in range(50):
        p = (rng.choice(groups), rng.choice(authorities), day(rng, 1912, "1912-12-31"))
        run("petition", "log", "--from", p[0], "--to", p[1], "--subject", rng.choice(SUBJECTS), "--on", p[2], "--category", "supply")
        petitions.append(p)
    step("%d petitions" % len(petitions))

    # Letters: sent ones first (their ids are 1…N in file order), then the replies that answer 90% of them.
    sent_count = int(round(s["letters"] / 1.9))
    sent = []
    for n, (frm, to, opened) in enumerate(petitions):
        for _ in range(3):
            sent.append([frm, to, add_days(opened, rng.randint(0, 400)), str(n + 1)])
    for i in range(sent_count - len(sent)):
        frm = rng.choice(persons) if rng.random() < 0.8 else rng.choice(groups)
        sent.append([frm, rng.choice(authorities), day(rng, 1912, AS_OF), ""])
    sent.sort(key=lambda r: r[2])
    rows = []
    for i, (frm, to, on, petition) in enumerate(sent):
        rows.append(["sent", frm, to, on, "%s %d" % (rng.choice(SUBJECTS), i + 1), petition, "post"])
    write_csv(os.path.join(a.out, "letters-sent.csv"), ["direction", "from", "to", "on", "subject", "petition", "channel"], rows)
    run("import", "letters", os.path.join(a.out, "letters-sent.csv"))
    step("%d sent letters imported" % len(rows))
    replies = []
    for i, (frm, to, on, _) in enumerate(sent):
        if len(replies) + sent_count >= s["letters"]:
            break
        if rng.random() < 0.9:
            replies.append(["received", to, frm, add_days(on, rng.randint(5, 60)), "Re: letter %d" % (i + 1), str(i + 1), "post"])
    write_csv(os.path.join(a.out, "letters-replies.csv"), ["direction", "from", "to", "on", "subject", "in_reply_to", "channel"], replies)
    run("import", "letters", os.path.join(a.out, "letters-replies.csv"))
    step("%d replies imported" % len(replies))
    print("generate-ledger: %s scale, %d commands, %.0f s" % (a.scale, run.count, time.time() - started), file=sys.stderr)


if __name__ == "__main__":
    main()
