#!/usr/bin/env python3
"""The mlp-ring8 preset written directly in Python PyTorch (Debian's python3-torch): the
baseline for `gan-playground-cli bench --preset mlp-ring8`. Prints steps/s; with --out,
writes 2500 samples as CSV for an independent mode-coverage check."""
import argparse, json, math, os, sys, time
import torch
import torch.nn as nn
import torch.nn.functional as F

here = os.path.dirname(os.path.abspath(__file__))
p = argparse.ArgumentParser()
p.add_argument('--preset', default=os.path.join(here, '..', '..', 'resources', 'presets', 'mlp-ring8.json'))
p.add_argument('--steps', type=int, default=None)
p.add_argument('--threads', type=int, default=1)
p.add_argument('--seed', type=int, default=1)
p.add_argument('--out', default=None)
a = p.parse_args()
spec = json.load(open(a.preset))
torch.set_num_threads(a.threads)
torch.manual_seed(a.seed)
z_dim = spec['latent']['size']
batch = spec['training']['batch_size']
steps = a.steps or spec['training']['steps']

def mlp(layers):
    mods = []
    for l in layers:
        k = l['kind']
        if k == 'Linear': mods.append(nn.Linear(l['in'], l['out'], bias=l.get('bias', True)))
        elif k == 'ReLU': mods.append(nn.ReLU())
        elif k == 'LeakyReLU': mods.append(nn.LeakyReLU(l['slope']))
        elif k == 'Tanh': mods.append(nn.Tanh())
        else: raise SystemExit('unsupported layer ' + k)
    return nn.Sequential(*mods)

G = mlp(spec['generator']['layers']); D = mlp(spec['discriminator']['layers'])
og, od = spec['optimizers']['generator'], spec['optimizers']['discriminator']
optG = torch.optim.Adam(G.parameters(), lr=og['lr'], betas=(og['beta1'], og['beta2']))
optD = torch.optim.Adam(D.parameters(), lr=od['lr'], betas=(od['beta1'], od['beta2']))
angles = torch.randint(0, 8, (50000,)).float() * 2 * math.pi / 8
data = torch.stack([angles.cos(), angles.sin()], 1) + 0.01 * torch.randn(50000, 2)

def step():
    real = data[torch.randint(0, data.shape[0], (batch,))]
    fake = G(torch.randn(batch, z_dim))
    optD.zero_grad()
    lossD = F.softplus(-D(real)).mean() + F.softplus(D(fake.detach())).mean()
    lossD.backward(); optD.step()
    optG.zero_grad()
    lossG = F.softplus(-D(fake)).mean()
    lossG.backward(); optG.step()

for _ in range(5): step()
t = time.perf_counter()
for _ in range(steps): step()
dt = time.perf_counter() - t
print(json.dumps({'model': 'mlp-ring8 (python)', 'threads': a.threads, 'steps': steps, 'steps_per_s': steps / dt}))
if a.out:
    with torch.no_grad():
        s = G(torch.randn(2500, z_dim))
    with open(a.out, 'w') as f:
        for x, y in s.tolist(): f.write(f'{x},{y}\n')
