#!/usr/bin/env python3
"""Scores 2D samples independently of the engine (plain Python, no torch): VEEGAN/PacGAN
protocol. Usage: score_2d.py ring8|grid25 SAMPLES.csv  (x,y per line, e.g. 2500 lines from
`gan-playground-cli sample RUN --count 2500 --out SAMPLES.csv`).
A sample is high quality within 3 sigma of its nearest mode; a mode is captured when it is the
nearest mode of at least one high-quality sample."""
import math, sys

kind, path = sys.argv[1], sys.argv[2]
if 'ring8' in kind:
    modes = [(math.cos(2 * math.pi * k / 8), math.sin(2 * math.pi * k / 8)) for k in range(8)]; sigma = 0.01
elif 'grid25' in kind:
    modes = [(2.0 * i, 2.0 * j) for i in range(-2, 3) for j in range(-2, 3)]; sigma = 0.05
else:
    sys.exit('kind must be ring8 or grid25')
points = [tuple(map(float, line.split(','))) for line in open(path) if line.strip()]
high, captured = 0, set()
for x, y in points:
    d, m = min((math.hypot(x - a, y - b), i) for i, (a, b) in enumerate(modes))
    if d <= 3 * sigma:
        high += 1; captured.add(m)
print(f'{len(captured)}/{len(modes)} modes, {100 * high / len(points):.2f}% high quality ({len(points)} samples)')
