"""Bar chart of the Spark read benchmark: rows per second per case and reader.

usage: python3 plot_read_benchmark.py spark-read-benchmark.csv spark-read-benchmark.png
"""
import csv
import sys

import matplotlib

matplotlib.use("Agg")  # no display needed
import matplotlib.pyplot as plt  # noqa: E402


def main(csv_path, png_path):
    with open(csv_path, newline="") as f:
        rows = list(csv.DictReader(f))
    cases = list(dict.fromkeys(r["case"] for r in rows))
    readers = list(dict.fromkeys(r["reader"] for r in rows))
    titles = {r["case"]: f'({r["case"]}) {r["table"]}\n{r["measurement"]}' for r in rows}
    rate = {(r["case"], r["reader"]): float(r["rows_per_second"]) / 1e6 for r in rows}

    width = 0.8 / len(readers)
    fig, ax = plt.subplots(figsize=(max(8, 1.6 * len(cases)), 5))
    for i, reader in enumerate(readers):
        xs = [c + (i - (len(readers) - 1) / 2) * width for c in range(len(cases))]
        ax.bar(xs, [rate.get((c, reader), 0) for c in cases], width, label=reader)
    ax.set_xticks(range(len(cases)))
    ax.set_xticklabels([titles[c] for c in cases], fontsize=8)
    ax.set_ylabel("million rows per second (best run)")
    ax.set_title("Spark read benchmark")
    ax.legend()
    ax.grid(axis="y", alpha=0.3)
    fig.tight_layout()
    fig.savefig(png_path, dpi=120)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
