#!/usr/bin/env python3
"""An independent judge of Fashion-MNIST samples: a small classifier trained here on the real
training set (Debian's dataset-fashion-mnist, python3-torch), then for each IDX file of samples
(N x 28 x 28 ubyte, as `gan-playground-cli sample RUN --out F.idx` and
`dcgan_fashion.py --idx-out F.idx` write them):
  fid   Frechet distance between the classifier's penultimate features of the samples and of
        the 10,000 real test images (lower is better; the real training images score ~1);
  is    exp(E KL(p(y|x) || p(y))) with the classifier's class probabilities (higher is better,
        at most 10);
The classifier is cached (--classifier PATH); its test accuracy is printed when trained."""
import argparse, gzip, json, os, sys
import debian_torch
debian_torch.ensure()
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

ROOT = '/usr/share/datasets/fashion-mnist'
p = argparse.ArgumentParser()
p.add_argument('files', nargs='+')
p.add_argument('--classifier', default='/tmp/fashion_classifier.pt')
p.add_argument('--threads', type=int, default=2)
a = p.parse_args()
torch.set_num_threads(a.threads)

def idx(path):
    opener = gzip.open if path.endswith('.gz') else open
    with opener(path, 'rb') as f:
        raw = f.read()
    dims = raw[3]
    shape = np.frombuffer(raw, '>i4', count=dims, offset=4)
    return np.frombuffer(raw, np.uint8, offset=4 + 4 * dims).reshape(*shape)

def to_tensor(images):
    return torch.from_numpy(images.reshape(-1, 1, 28, 28).astype(np.float32) / 127.5 - 1)

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.c1 = nn.Conv2d(1, 32, 3, padding=1); self.c2 = nn.Conv2d(32, 64, 3, padding=1)
        self.f1 = nn.Linear(64 * 7 * 7, 128); self.f2 = nn.Linear(128, 10)
    def features(self, x):
        x = F.max_pool2d(F.relu(self.c1(x)), 2); x = F.max_pool2d(F.relu(self.c2(x)), 2)
        return F.relu(self.f1(x.flatten(1)))
    def forward(self, x):
        return self.f2(self.features(x))

net = Net()
if os.path.exists(a.classifier):
    net.load_state_dict(torch.load(a.classifier))
else:
    torch.manual_seed(0)
    x = to_tensor(idx(f'{ROOT}/train-images-idx3-ubyte.gz')); y = torch.from_numpy(idx(f'{ROOT}/train-labels-idx1-ubyte.gz').astype(np.int64))
    opt = torch.optim.Adam(net.parameters(), 1e-3)
    for epoch in range(3):
        perm = torch.randperm(len(x))
        for i in range(0, len(x), 128):
            b = perm[i:i + 128]
            opt.zero_grad(); F.cross_entropy(net(x[b]), y[b]).backward(); opt.step()
    torch.save(net.state_dict(), a.classifier)
net.eval()

def stats(images):
    with torch.no_grad():
        t = to_tensor(images)
        feats, probs = [], []
        for i in range(0, len(t), 1000):
            f = net.features(t[i:i + 1000]); feats.append(f); probs.append(F.softmax(net.f2(f), 1))
    f = torch.cat(feats).double().numpy(); pr = torch.cat(probs).double().numpy()
    return f.mean(0), np.cov(f, rowvar=False), pr

def sqrtm_psd(m):
    w, v = np.linalg.eigh((m + m.T) / 2)
    return (v * np.sqrt(np.clip(w, 0, None))) @ v.T

def fid(mu1, s1, mu2, s2):
    r = sqrtm_psd(s1)
    cross = sqrtm_psd(r @ s2 @ r)
    return float(((mu1 - mu2) ** 2).sum() + np.trace(s1) + np.trace(s2) - 2 * np.trace(cross))

test_x = idx(f'{ROOT}/t10k-images-idx3-ubyte.gz')
mu_r, s_r, pr_test = stats(test_x)
if not os.path.exists(a.classifier + '.acc'):
    acc = float((pr_test.argmax(1) == idx(f'{ROOT}/t10k-labels-idx1-ubyte.gz')).mean())
    open(a.classifier + '.acc', 'w').write(str(acc))
acc = float(open(a.classifier + '.acc').read())
for path in a.files:
    images = idx(path)
    mu, s, pr = stats(images)
    py = pr.mean(0)
    inception = float(np.exp((pr * (np.log(pr + 1e-12) - np.log(py + 1e-12))).sum(1).mean()))
    print(json.dumps({'file': path, 'count': int(len(images)), 'fid': round(fid(mu, s, mu_r, s_r), 2),
                      'is': round(inception, 3), 'classifier_test_accuracy': round(acc, 4)}), flush=True)
