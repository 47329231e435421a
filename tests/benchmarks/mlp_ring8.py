#!/usr/bin/env python3
"""A 2D MLP preset (mlp-ring8 by default) written directly in Python PyTorch (Debian's
python3-torch): the baseline for `gan-playground-cli bench --preset mlp-ring8`. Follows the
preset's layers, non-saturating loss, Adam settings, batch size, R1 penalty, D steps per G step
and EMA of G, in the idiom of the PyTorch examples (the G update also computes D's weight
gradients, as pytorch/examples' dcgan does). Prints steps/s; with --out, writes 2500 samples as CSV."""
import argparse, copy, json, math, os, sys, time
import debian_torch
debian_torch.ensure()
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
# The preset's own set: ring8 (8 Gaussians on the unit circle, sigma 0.01) or grid25
# (25 at {-4,-2,0,2,4}^2, sigma 0.05).
if spec['data'].get('set') == 'grid25':
    modes = torch.tensor([[2.0 * i, 2.0 * j] for i in range(-2, 3) for j in range(-2, 3)]); sigma = 0.05
else:
    angles = torch.arange(8).float() * 2 * math.pi / 8
    modes = torch.stack([angles.cos(), angles.sin()], 1); sigma = 0.01
data = modes[torch.randint(0, modes.shape[0], (50000,))] + sigma * torch.randn(50000, 2)

r1 = spec['loss'].get('r1_gamma', 0)
d_steps = spec['training'].get('d_steps_per_g', 1)
ema_decay = spec['training'].get('ema_decay', 0)
G_ema = copy.deepcopy(G) if ema_decay > 0 else None

def step():
    for k in range(d_steps):
        real = data[torch.randint(0, data.shape[0], (batch,))]
        fake = G(torch.randn(batch, z_dim))
        optD.zero_grad()
        if r1 > 0: real.requires_grad_(True)
        out_real = D(real)
        lossD = F.softplus(-out_real).mean() + F.softplus(D(fake.detach())).mean()
        if r1 > 0:
            g, = torch.autograd.grad(out_real.sum(), real, create_graph=True)
            lossD = lossD + 0.5 * r1 * g.pow(2).sum(1).mean()
        lossD.backward(); optD.step()
    optG.zero_grad()
    lossG = F.softplus(-D(fake)).mean()
    lossG.backward(); optG.step()
    if G_ema is not None:
        with torch.no_grad():
            for pe, p in zip(G_ema.parameters(), G.parameters()): pe.mul_(ema_decay).add_(p, alpha=1 - ema_decay)

for _ in range(5): step()
t = time.perf_counter()
for _ in range(steps): step()
dt = time.perf_counter() - t
print(json.dumps({'model': os.path.basename(a.preset) + ' (python)', 'threads': a.threads, 'steps': steps, 'steps_per_s': steps / dt}))
if a.out:
    with torch.no_grad():
        s = (G_ema or G)(torch.randn(2500, z_dim))
    with open(a.out, 'w') as f:
        for x, y in s.tolist(): f.write(f'{x},{y}\n')
