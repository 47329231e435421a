#!/bin/bash
# Does the program's own Fréchet distance rank runs as an independent judge does (issue 11)?
# Trains dcgan-fashion and stops it at 1, 100, 300, 500, 1000 and 2000 steps (each stage a copy
# of the previous run, resumed), and hinge-sn-fashion at 300 and 1000; measures each with
# `evaluate --json` (10,000 samples) and with tests/benchmarks/fashion_fid.py (a classifier of
# its own in Python PyTorch) on the same run's samples; prints both figures per run and
# Spearman's rank correlation. The dcgan run also measures itself every 250 steps
# (train --eval-every) into its metrics.csv.
#   tests/benchmarks/fd_rank.sh [OUT_DIR]       (about 15 minutes on 2 cores)
# The judge runs on Debian's python3-torch and python3-numpy, under /usr/bin/python3; they are
# installed first when missing.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source "$here/../../scripts/setup-common.sh"
GP_PACKAGES=(python3-torch python3-numpy)
gp_install_packages
cli=${GP_CLI:-$here/../../build/bin/gan-playground-cli}
out=${1:-/tmp/gp-fd-rank}
mkdir -p "$out"
runs=()

# stage PRESET NAME STEPS [PREVIOUS]: a run of PRESET to STEPS, continued from PREVIOUS's copy.
stage() {
    local preset=$1 name=$2 steps=$3 previous=${4:-}
    rm -rf "${out:?}/$name"
    if [ -n "$previous" ]; then
        cp -r "$out/$previous" "$out/$name"
        "$cli" train --resume "$out/$name" --steps "$steps" --eval-every 250 >/dev/null
    else
        "$cli" train --preset "$preset" --out "$out/$name" --steps "$steps" --eval-every 250 >/dev/null
    fi
    runs+=("$name")
}
stage dcgan-fashion dcgan-1 1
stage dcgan-fashion dcgan-100 100 dcgan-1
stage dcgan-fashion dcgan-300 300 dcgan-100
stage dcgan-fashion dcgan-500 500 dcgan-300
stage dcgan-fashion dcgan-1000 1000 dcgan-500
stage dcgan-fashion dcgan-2000 2000 dcgan-1000
stage hinge-sn-fashion hinge-300 300
stage hinge-sn-fashion hinge-1000 1000 hinge-300

files=()
for r in "${runs[@]}"; do
    "$cli" evaluate "$out/$r" --json >"$out/$r/evaluate.json"
    "$cli" sample "$out/$r" --count 10000 --out "$out/$r/samples.idx" >/dev/null
    files+=("$out/$r/samples.idx")
done
/usr/bin/python3 "$here/fashion_fid.py" "${files[@]}" --classifier "$out/judge.pt" >"$out/judge.jsonl"

/usr/bin/python3 - "$out" "${runs[@]}" <<'PY'
import json, sys
import numpy as np
out, runs = sys.argv[1], sys.argv[2:]
ours = [json.load(open(f'{out}/{r}/evaluate.json'))['fd'] for r in runs]
judge = {json.loads(l)['file']: json.loads(l)['fid'] for l in open(f'{out}/judge.jsonl')}
theirs = [judge[f'{out}/{r}/samples.idx'] for r in runs]
rank = lambda v: np.argsort(np.argsort(v))
rho = float(np.corrcoef(rank(ours), rank(theirs))[0, 1])
for r, a, b in zip(runs, ours, theirs):
    print(f'{r:12s} ours FD {a:9.2f}   judge FID {b:9.2f}')
print(f'Spearman rank correlation over {len(runs)} runs: {rho:.3f}')
PY
