#!/usr/bin/env python3
"""Generate a large shoko input set for bench/scale.sh.

    scale_gen.py OUT --instances N --requirements R --categories C

OUT/assets/evidence/categories/  extra catalog categories (copies of the
                                 built-in ones under new ids) so that the
                                 catalog holds C categories in all
OUT/requirements.yaml            R requirements cycling through the example's
                                 kinds over every category
OUT/answers.yaml                 the example's answers
OUT/snapshot/                    a snapshot of N instances: the committed
                                 one-instance snapshot (bench/fixtures/
                                 base-snapshot, collected from moto and the
                                 Connect fixture) cloned under new ids,
                                 aliases, buckets, streams and log groups,
                                 renumbered and re-hashed as `shoko collect`
                                 writes them
"""
import argparse
import hashlib
import json
import os
import re
import shutil

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BASE = os.path.join(ROOT, "bench", "fixtures", "base-snapshot")
CATS = os.path.join(ROOT, "evidence", "categories")

# The example's requirement kinds: (property, expect); `*` ones are given a
# single category here, so verdicts grow with requirements, not with
# requirements x categories.
KINDS = [
    ("retention", "{ at_most: 6 months }"),
    ("retention", "{ at_least: 5 years }"),
    ("retention", "{ at_least: 1 year, at_most: 3 years }"),
    ("retention", "{ at_least: 365日 }"),
    ("region", "{ one_of: [ap-northeast-1, ap-northeast-3] }"),
    ("encryption.at-rest.key", "{ one_of: [customer-managed] }"),
    ("encryption.in-transit", "{ at_least: tls1.2 }"),
    ("deletion.on-request", "{ is: true }"),
    ("storage", "{ is: \"S3\" }"),
]


def categories(out, total):
    """Write copies of the built-in categories until there are `total`."""
    base = sorted(f for f in os.listdir(CATS) if f.endswith(".yaml"))
    ids = []
    for f in base:
        text = open(os.path.join(CATS, f), encoding="utf-8").read()
        ids.append((f, re.search(r"^id: (\S+)", text, re.M).group(1), text))
    dest = os.path.join(out, "assets", "evidence", "categories")
    os.makedirs(dest, exist_ok=True)
    all_ids = [i for _, i, _ in ids]
    props = {i: set(re.findall(r"^  - property: (\S+)", t, re.M)) for _, i, t in ids}
    n = 0
    while len(all_ids) < total:
        f, cid, text = ids[n % len(ids)]
        copy = n // len(ids) + 2
        new = f"{cid}-{copy}"
        t = re.sub(r"^id: \S+", f"id: {new}", text, count=1, flags=re.M)
        t = re.sub(r'^title: \{ ja: "([^"]*)", en: "([^"]*)" \}',
                   lambda m: f'title: {{ ja: "{m.group(1)}（{copy}）", en: "{m.group(2)} ({copy})" }}',
                   t, count=1, flags=re.M)
        with open(os.path.join(dest, f"9{n:03d}-{new}.yaml"), "w", encoding="utf-8") as fh:
            fh.write(t)
        all_ids.append(new)
        props[new] = props[cid]
        n += 1
    return all_ids, props


def requirements(out, total, all_ids, props):
    lines = [
        "customer:",
        "  name: { ja: スケール試験株式会社, en: Scale Test Co. }",
        "  system: { ja: 大規模コンタクトセンター, en: Large contact center }",
        "requirements:",
    ]
    made = 0
    i = 0
    while made < total:
        prop, expect = KINDS[i % len(KINDS)]
        cat = all_ids[(i // len(KINDS) + i) % len(all_ids)]
        i += 1
        if prop not in props[cat]:
            continue
        made += 1
        lines += [
            f"  - id: REQ-{made:04d}",
            "    title:",
            f"      ja: 要件{made}：{cat}の{prop}に関する要求",
            f"      en: Requirement {made} on the {prop} of {cat}",
            f"    category: {cat}",
            f"    property: {prop}",
            f"    expect: {expect}",
            f"    priority: {'must' if made % 3 else 'should'}",
        ]
    with open(os.path.join(out, "requirements.yaml"), "w", encoding="utf-8") as fh:
        fh.write("\n".join(lines) + "\n")


def snapshot(out, count):
    manifest = json.load(open(os.path.join(BASE, "snapshot.json"), encoding="utf-8"))
    (inst,) = manifest["instances"]
    old_id, old_alias = inst["id"], inst["alias"]
    alias_re = re.compile(r"\b" + re.escape(old_alias) + r"\b")
    records = []
    instances = []

    def swap(s, new_id, new_alias):
        return alias_re.sub(new_alias, s.replace(old_id, new_id))

    for k in range(count):
        new_id = f"{k:08x}-0000-4000-8000-{k:012x}"
        new_alias = f"cc{k:03d}"
        instances.append(json.loads(swap(json.dumps(inst), new_id, new_alias)))
        for o in manifest["observations"]:
            if o["instance"] is None and k > 0:
                continue  # ListInstances: once per Region
            body = open(os.path.join(BASE, o["file"]), "rb").read().decode("utf-8")
            if o["operation"] == "ListInstances":
                summaries = json.loads(body)
                one = summaries["InstanceSummaryList"][0]
                summaries["InstanceSummaryList"] = [
                    json.loads(swap(json.dumps(one), f"{j:08x}-0000-4000-8000-{j:012x}", f"cc{j:03d}"))
                    for j in range(count)
                ]
                body = json.dumps(summaries, separators=(",", ":"))
            else:
                body = swap(body, new_id, new_alias)
            o2 = json.loads(swap(json.dumps(o), new_id, new_alias))
            records.append((o2, body.encode("utf-8")))

    def key(r):
        o = r[0]
        return (o["region"], o["instance"] or "", o["service"], o["operation"],
                [tuple(p) for p in o["parameters"]])

    records.sort(key=key)
    snap = os.path.join(out, "snapshot")
    os.makedirs(os.path.join(snap, "observations"), exist_ok=True)
    obs = []
    summary = {"calls": 0, "failed": 0, "not_configured": 0, "attempts": 0}
    for n, (o, body) in enumerate(records, 1):
        o["id"] = f"obs-{n:04d}"
        o["file"] = f"observations/{o['id']}.json"
        o["sha256"] = hashlib.sha256(body).hexdigest()
        with open(os.path.join(snap, o["file"]), "wb") as fh:
            fh.write(body)
        summary["calls"] += 1
        summary["attempts"] += o["attempts"]
        summary["failed"] += o["status"] == "failed"
        summary["not_configured"] += o["status"] == "not-configured"
        obs.append(o)
    manifest["instances"] = sorted(instances, key=lambda i: (i["region"], i["id"]))
    manifest["observations"] = obs
    manifest["summary"] = {**manifest["summary"], **summary}
    with open(os.path.join(snap, "snapshot.json"), "w", encoding="utf-8") as fh:
        json.dump(manifest, fh, ensure_ascii=False, indent=2)
        fh.write("\n")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--instances", type=int, default=50)
    ap.add_argument("--requirements", type=int, default=500)
    ap.add_argument("--categories", type=int, default=40)
    a = ap.parse_args()
    shutil.rmtree(a.out, ignore_errors=True)
    os.makedirs(a.out)
    ids, props = categories(a.out, a.categories)
    requirements(a.out, a.requirements, ids, props)
    shutil.copy(os.path.join(ROOT, "evidence", "examples", "answers.yaml"),
                os.path.join(a.out, "answers.yaml"))
    snapshot(a.out, a.instances)


if __name__ == "__main__":
    main()
