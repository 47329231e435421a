#!/usr/bin/env python3
"""The dcgan-fashion preset written directly in Python PyTorch (Debian's python3-torch): the
baseline for `gan-playground-cli bench --preset dcgan-fashion`. Same layers, DCGAN init,
non-saturating loss, Adam 2e-4 (0.5, 0.999), batch 64, fp32. Prints images/s as JSON; with
--samples, writes an 8x8 grid of samples (PGM) after the run; with --idx-out, N samples as an
IDX file (what `gan-playground-cli sample` writes) for tests/benchmarks/fashion_fid.py.
--seconds S trains for S seconds of wall-clock time instead of a step count.
The random draws (initial weights, batch order, noise) come in the engine's order, so with
--warmup 0 and the same --seed a run starts from the same weights and sees the same batches as
`gan-playground-cli train --preset dcgan-fashion --seed S`; --metrics-out F writes the per-step
losses and mean D outputs as the engine's metrics.csv does, to compare the two step by step."""
import argparse, gzip, json, time
import debian_torch
debian_torch.ensure()
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

p = argparse.ArgumentParser()
p.add_argument('--steps', type=int, default=50)
p.add_argument('--warmup', type=int, default=5)
p.add_argument('--threads', type=int, default=1)
p.add_argument('--seed', type=int, default=1)
p.add_argument('--samples', default=None)
p.add_argument('--seconds', type=float, default=None)
p.add_argument('--idx-out', default=None)
p.add_argument('--count', type=int, default=10000)
p.add_argument('--metrics-out', default=None)
a = p.parse_args()
torch.set_num_threads(a.threads)
torch.manual_seed(a.seed)

with gzip.open('/usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz') as f:
    raw = np.frombuffer(f.read(), np.uint8, offset=16).reshape(-1, 1, 28, 28)
data = torch.from_numpy(raw.copy())

G = nn.Sequential(nn.Linear(100, 7 * 7 * 128, bias=False), nn.BatchNorm1d(7 * 7 * 128), nn.ReLU(),
                  nn.Unflatten(1, (128, 7, 7)),
                  nn.ConvTranspose2d(128, 64, 4, 2, 1, bias=False), nn.BatchNorm2d(64), nn.ReLU(),
                  nn.ConvTranspose2d(64, 1, 4, 2, 1), nn.Tanh())
D = nn.Sequential(nn.Conv2d(1, 64, 4, 2, 1), nn.LeakyReLU(0.2),
                  nn.Conv2d(64, 128, 4, 2, 1, bias=False), nn.BatchNorm2d(128), nn.LeakyReLU(0.2),
                  nn.Flatten(), nn.Linear(6272, 1))
def init(m):
    if isinstance(m, (nn.Conv2d, nn.ConvTranspose2d, nn.Linear)):
        nn.init.normal_(m.weight, 0.0, 0.02)
        if m.bias is not None: nn.init.zeros_(m.bias)
    elif isinstance(m, (nn.BatchNorm1d, nn.BatchNorm2d)):
        nn.init.normal_(m.weight, 1.0, 0.02); nn.init.zeros_(m.bias)
G.apply(init); D.apply(init)
optG = torch.optim.Adam(G.parameters(), lr=2e-4, betas=(0.5, 0.999))
optD = torch.optim.Adam(D.parameters(), lr=2e-4, betas=(0.5, 0.999))
batch = 64
perm = torch.randperm(data.shape[0]); cursor = 0
metrics = open(a.metrics_out, 'w') if a.metrics_out else None
if metrics: metrics.write('step,loss_d,loss_g,d_real,d_fake\n')
steps_done = 0

def batch_indices():
    # As the engine does: an epoch's last partial batch is filled from the next permutation.
    global perm, cursor
    parts, needed = [], batch
    while needed > 0:
        if cursor >= data.shape[0]:
            perm = torch.randperm(data.shape[0]); cursor = 0
        take = min(needed, data.shape[0] - cursor)
        parts.append(perm[cursor:cursor + take]); cursor += take; needed -= take
    return parts[0] if len(parts) == 1 else torch.cat(parts)

def step():
    global steps_done
    real = data[batch_indices()].float().div_(127.5).sub_(1)
    fake = G(torch.randn(batch, 100))
    optD.zero_grad()
    real_out, fake_out = D(real), D(fake.detach())
    lossD = F.softplus(-real_out).mean() + F.softplus(fake_out).mean()
    lossD.backward(); optD.step()
    optG.zero_grad()
    lossG = F.softplus(-D(fake)).mean()
    lossG.backward(); optG.step()
    steps_done += 1
    if metrics:
        metrics.write('%d,%.9g,%.9g,%.9g,%.9g\n' % (steps_done, lossD.item(), lossG.item(),
                      torch.sigmoid(real_out).mean().item(), torch.sigmoid(fake_out).mean().item()))

for _ in range(a.warmup): step()
t = time.perf_counter()
if a.seconds:
    a.steps = 0
    while time.perf_counter() - t < a.seconds:
        step(); a.steps += 1
else:
    for _ in range(a.steps): step()
dt = time.perf_counter() - t
print(json.dumps({'model': 'dcgan-fashion (python)', 'threads': a.threads, 'steps': a.steps,
                  'images_per_s': round(batch * a.steps / dt, 1), 'ms_per_step': round(1000 * dt / a.steps, 2)}))
if a.idx_out:
    G.eval()
    with torch.no_grad():
        s = torch.cat([G(torch.randn(500, 100)) for _ in range((a.count + 499) // 500)])[:a.count]
        s = s.add(1).mul(127.5).round().clamp(0, 255).byte().numpy()
    with open(a.idx_out, 'wb') as f:
        f.write(bytes([0, 0, 8, 3]) + np.array([a.count, 28, 28], '>i4').tobytes() + s.tobytes())
if a.samples:
    G.eval()
    with torch.no_grad():
        s = G(torch.randn(64, 100)).add(1).mul(127.5).round().clamp(0, 255).byte().numpy()
    grid = np.full((8 * 30 + 2, 8 * 30 + 2), 64, np.uint8)
    for i in range(64):
        r, c = divmod(i, 8)
        grid[2 + r * 30:2 + r * 30 + 28, 2 + c * 30:2 + c * 30 + 28] = s[i, 0]
    with open(a.samples, 'wb') as f:
        f.write(b'P5 %d %d 255\n' % (grid.shape[1], grid.shape[0])); f.write(grid.tobytes())
