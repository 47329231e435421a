#!/bin/bash
# Feeds the command line the files and situations people meet (issue 13): damaged datasets,
# experiments and checkpoints, foreign files, memory it cannot have, a full disk, an unwritable
# folder, a run folder deleted mid-run, a diverging run. Prints one Markdown row per case: the
# exit code, the first line of the message and whether what was saved before is still whole.
#   tests/benchmarks/hostile_inputs.sh [WORK_DIR]     (about 2 minutes; root for the tmpfs case)
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
cli=${GP_CLI:-$here/../../build/bin/gan-playground-cli}
presets=$here/../../resources/presets
work=${1:-/tmp/gp-hostile}
rm -rf "$work" && mkdir -p "$work" && cd "$work" || exit 1
export LC_ALL=C.UTF-8 LANGUAGE=

# message TEXT: the error in TEXT, without the progress lines before it: from its
# "gan-playground-cli:" line (two lines at most), else validate's problem about memory or its
# first problem.
message() {
    local t
    t=$(printf '%s\n' "$1" | tr '\r' '\n')
    if grep -q '^gan-playground-cli:' <<<"$t"; then
        sed -n '/^gan-playground-cli:/,$p' <<<"$t" | head -2
    else
        { grep '^  - .*memory' <<<"$t"; grep '^  - ' <<<"$t"; } | head -1
    fi | paste -sd' ' | sed 's/|/\\|/g; s/  */ /g'
}
# row CASE CHECK CMD...: runs CMD, prints its exit code, the first line it wrote to stderr
# (progress lines left out) and what the shell command CHECK prints afterwards.
row() {
    local what=$1 check=$2
    shift 2
    local err code
    err=$("$@" 2>&1)
    code=$?
    printf '| %s | %s | %s | %s |\n' "$what" "$code" "$(message "$err")" "$(eval "$check")"
}
# intact RUN: does the run's checkpoint still load and sample? same FILE SUM: is FILE unchanged?
intact() { "$cli" sample "$1" --count 4 --out "$work/intact.csv" >/dev/null 2>&1 && echo "$1 loads and samples" || echo "NO: $1 does not load"; }
same() { [ "$(sum "$1")" = "$2" ] && echo "$1 unchanged" || echo "NO: $1 changed"; }
sum() { md5sum < "$1" | cut -d' ' -f1; }

# A small image run and a small 2D run to damage.
"$cli" train --preset dcgan-fashion --out run --steps 20 --threads 2 >/dev/null 2>&1 || { echo "cannot train the base run"; exit 1; }
"$cli" train --preset mlp-ring8 --out run2d --steps 50 >/dev/null 2>&1 || { echo "cannot train the 2D run"; exit 1; }
"$cli" directions run --method sefa --count 4 --out dirs.json >/dev/null 2>&1

# experiment FILE KIND PATH [PRESET]: PRESET (dcgan-fashion) reading data of KIND at PATH.
experiment() {
    /usr/bin/python3 - "$presets/${4:-dcgan-fashion}.json" "$1" "$2" "$3" <<'EOF'
import json, sys
e = json.load(open(sys.argv[1]))
e['data'] = {'kind': sys.argv[3], 'path': sys.argv[4], **({'labels': ''} if sys.argv[3] == 'idx' else {})}
json.dump(e, open(sys.argv[2], 'w'))
EOF
}
images=/usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz

echo "| Case | Exit | Message (first line) | Afterwards |"
echo "|---|---|---|---|"

# Datasets.
head -c 100 "$images" > cut100.gz
experiment cut-gz.json idx "$work/cut100.gz"
row "gzip IDX cut to 100 bytes" "[ -e r1 ] && echo 'NO: r1 made' || echo 'no run folder made'" "$cli" train cut-gz.json --out r1 --steps 1
zcat "$images" | head -c 500000 > short.idx
experiment short-idx.json idx "$work/short.idx"
row "plain IDX cut to 500 kB (header says 60,000)" "[ -e r2 ] && echo 'NO: r2 made' || echo 'no run folder made'" "$cli" train short-idx.json --out r2 --steps 1
mkdir -p folder && head -c 3000 /usr/share/pixmaps/debian-logo.png > folder/cut.png 2>/dev/null || printf '\x89PNG\r\n\x1a\nbroken' > folder/cut.png
printf 'not an image' > folder/notes.png
experiment folder.json image-folder "$work/folder"
row "image folder of a cut PNG and a text file" "[ -e r3 ] && echo 'NO: r3 made' || echo 'no run folder made'" "$cli" train folder.json --out r3 --steps 1
printf 'x,y\n1,2\nnan,3\n1e999,4\n' > points.csv
experiment csv.json csv-2d "$work/points.csv" mlp-ring8
row "2D CSV with NaN and 1e999" "[ -e r4 ] && echo 'NO: r4 made' || echo 'no run folder made'" "$cli" train csv.json --out r4 --steps 1

# Experiments.
/usr/bin/python3 -c "print('['*2000 + ']'*2000)" > nested.json
row "experiment nested 2000 deep" "echo —" "$cli" validate nested.json
head -c 700 "$presets/dcgan-fashion.json" > cut.json
row "experiment cut after 700 bytes" "echo —" "$cli" validate cut.json
/usr/bin/python3 - "$presets/mlp-ring8.json" <<'EOF'
import json, os, sys
e = json.load(open(sys.argv[1]))
e['generator']['layers'][0]['out'] = 1000000000
json.dump(e, open('huge-linear.json', 'w'))
e = json.load(open(sys.argv[1]))
e['training']['batch_size'] = 1000000000
json.dump(e, open('huge-batch.json', 'w'))
e = json.load(open(sys.argv[1]))
e['data'] = {'kind': 'csv-2d', 'path': os.path.abspath('one-huge-point.csv')}
json.dump(e, open('diverges.json', 'w'))
# 2000 ordinary points and one at 3e38: the step whose batch draws it overflows.
with open('one-huge-point.csv', 'w') as f:
    f.write('x,y\n' + ''.join('3e38,3e38\n' if i == 1000 else '%g,%g\n' % (i % 7 / 7, i % 5 / 5) for i in range(2000)))
EOF
row "Linear of 10^9 units" "echo —" "$cli" validate huge-linear.json
row "batch of 10^9" "echo —" "$cli" validate huge-batch.json
row "one point at 3e38 in the data (the loss turns NaN)" "intact nan" "$cli" train diverges.json --out nan --steps 2000

# Checkpoints.
cp -r run cut5000 && head -c 5000 run/checkpoint.pt > cut5000/checkpoint.pt
cut=$(sum cut5000/checkpoint.pt)
row "checkpoint cut to 5000 bytes" "same cut5000/checkpoint.pt $cut" "$cli" sample cut5000 --count 4 --out s.csv
size=$(stat -c %s run/checkpoint.pt)
cp -r run flipped && /usr/bin/python3 - flipped/checkpoint.pt "$size" <<'EOF'
import sys
p, n = sys.argv[1], int(sys.argv[2])
b = bytearray(open(p, 'rb').read())
b[n // 2] ^= 0x10  # a bit in the middle of the tensors' data
open(p, 'wb').write(b)
EOF
flip=$(sum flipped/checkpoint.pt)
row "checkpoint with a bit flipped in its tensors" "same flipped/checkpoint.pt $flip" "$cli" sample flipped --count 4 --out s.csv
mkdir -p foreign && cp run/experiment.json foreign/ && /usr/bin/python3 -c "
import zipfile
with zipfile.ZipFile('foreign/checkpoint.pt', 'w') as z:
    z.writestr('archive/data.pkl', b'\x80\x02}q\x00.')
    z.writestr('archive/version', b'3\n')"
row "foreign zip named checkpoint.pt" "echo —" "$cli" sample foreign --count 4 --out s.csv
cp -r run swapped && cp run2d/checkpoint.pt swapped/checkpoint.pt
row "2D checkpoint beside an image experiment.json" "head -1 s.csv" "$cli" sample swapped --count 4 --out s.csv
row "resume of a folder without a run" "ls folder | tr '\\n' ' '" "$cli" train --resume "$work/folder"

# Directions files.
/usr/bin/python3 -c "
import json
d = json.load(open('dirs.json'))
d['directions'][1]['vector'][3] = float('nan')
open('nan-dirs.json', 'w').write(json.dumps(d).replace('NaN', 'null'))"
row "directions file with a null in a vector" "[ -e w.gif ] && echo 'NO: w.gif written' || echo 'no file written'" "$cli" walk run --directions nan-dirs.json --direction 1 --out w.gif
"$cli" directions run2d --method random --count 2 --out dirs2d.json >/dev/null 2>&1
row "directions file of the 2D run's latent size" "[ -e w.gif ] && echo 'NO: w.gif written' || echo 'no file written'" "$cli" walk run --directions dirs2d.json --direction 1 --out w.gif

# Memory.
row "10^7 samples under ulimit -v 6000000" "[ -e many.idx ] && echo 'NO: many.idx written' || echo 'no file written'" \
    bash -c "ulimit -v 6000000; exec '$cli' sample run --count 10000000 --out many.idx"

# Disks and folders.
row "unwritable folder (--out /sys/kernel/gp-run)" "echo —" "$cli" train --preset mlp-ring8 --out /sys/kernel/gp-run --steps 1
if [ "$(id -u)" -eq 0 ]; then
    mkdir -p small && mount -t tmpfs -o size=1200k tmpfs small
    row "1200 kB tmpfs fills during --checkpoint-every 20" "intact small/run" "$cli" train --preset mlp-ring8 --out small/run --steps 100000 --checkpoint-every 20
    umount small
fi
"$cli" train --preset dcgan-fashion --out del --steps 100000 --checkpoint-every 5 >/dev/null 2>del.err &
pid=$!
for _ in $(seq 1 600); do [ -e del/checkpoint.pt ] && break; sleep 0.1; done
rm -rf del
wait $pid
code=$?
echo "| run folder deleted mid-run | $code | $(message "$(cat del.err)") | — |"
