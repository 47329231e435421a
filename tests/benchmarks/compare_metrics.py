#!/usr/bin/env python3
"""Compares two per-step metrics files (the engine's RUN/metrics.csv and
dcgan_fashion.py --metrics-out) column by column: for each block of steps, the largest absolute
difference of loss_d, loss_g, d_real and d_fake. Runs started from the same seed draw the same
weights, batches and noise, so the differences are floating-point rounding and how it grows."""
import csv, json, sys

def read(path):
    with open(path) as f:
        return {int(r['step']): r for r in csv.DictReader(f)}

a, b = read(sys.argv[1]), read(sys.argv[2])
steps = sorted(set(a) & set(b))
columns = ['loss_d', 'loss_g', 'd_real', 'd_fake']
edges = [1, 2, 11, 101, 501, 1001, 2001, 10**9]
for lo, hi in zip(edges, edges[1:]):
    block = [s for s in steps if lo <= s < hi]
    if not block:
        continue
    worst = {c: max(abs(float(a[s][c]) - float(b[s][c])) for s in block) for c in columns}
    print(json.dumps({'steps': '%d-%d' % (block[0], block[-1]),
                      **{'max_abs_diff_' + c: float('%.3g' % v) for c, v in worst.items()}}))
