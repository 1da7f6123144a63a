"""Compares two aicost usage JSON reports on what a SQL round trip must keep: per row calls,
tokens and cost, the total, the hourly profile and the regions. Usage: compare.py LOCAL.json REMOTE.json"""
import json
import sys


def essentials(report):
    rows = []
    for kind in ("models", "groups"):
        for row in report.get(kind, []):
            rows.append((kind, row.get("tag"), row["model"], row["calls"], row["input_tokens"],
                         row["cache_read_tokens"], row["cache_write_tokens"], row["output_tokens"],
                         row["long_context_calls"], row["cost"], row.get("billed_cost")))
    return {"rows": rows, "total": report["total_cost"], "hourly": report["hourly"],
            "regions": report.get("regions"), "records": report["records"],
            "malformed": report["malformed_records"],
            "billing": {key: report.get(key) for key in ("token_rows", "billed_total", "billed_priced_rows",
                                                          "gap_total", "billed_all_rows", "credits",
                                                          "credits_total", "other_ai_lines")}}


local, remote = (json.load(open(path)) for path in sys.argv[1:3])
a, b = essentials(local), essentials(remote)
if a["billing"]["billed_all_rows"] is None:
    # the log query leaves out the records it cannot read (no timestamp, model or token counts):
    # they are not in the result, so its report counts no malformed records (docs/usage.md)
    b["malformed"] = a["malformed"]
if a != b:
    print("the SQL round trip differs from the local report:")
    for key in a:
        if a[key] != b[key]:
            print(f"  {key}: local {a[key]}\n  {' ' * len(key)}  remote {b[key]}")
    sys.exit(1)
calls = sum(r[3] or 0 for r in a["rows"] if r[0] == "models")
other = len(a["billing"]["other_ai_lines"] or [])
print(f"agree: {a['records']} records ({a['malformed']} malformed), {len(a['rows'])} report rows, {calls} calls, "
      f"total cost {a['total']}, {a['hourly']['hours']} hours" + (f", billed {a['billing']['billed_all_rows']}, "
      f"{other} other AI lines" if a["billing"]["billed_all_rows"] is not None else ""))
