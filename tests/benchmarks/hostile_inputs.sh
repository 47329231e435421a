#!/bin/bash
# Feeds the command line the files and situations people meet (issues 13 and 28): damaged datasets,
# experiments and checkpoints, foreign files, memory it cannot have, a full disk, an unwritable
# folder, a run folder deleted mid-run, a diverging run. Prints one Markdown row per case: the
# exit code, the first line of the message and whether what was saved before is still whole.
#   tests/benchmarks/hostile_inputs.sh [WORK_DIR]     (about 4 minutes; root for the tmpfs case)
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

# ---- Issue 28: crafted checkpoints, links and pipes where a run keeps its files, outputs aimed
# at a run's files, two writers, signals, huge files, NaN, escape sequences, ignored arguments.

# craft SRC DST TENSOR MODE: a copy of checkpoint SRC with one change to the first tensor whose
# name starts with TENSOR (offset: its storage offset set to 2^31-1; cut: its data record cut to
# 4 bytes; Half, Byte or Long: its element type, the count scaled to the same bytes), zipped
# again with correct checksums, so that only the checks of its table can refuse it.
craft() {
    /usr/bin/python3 - "$@" <<'EOF'
import io, pickle, re, struct, sys, zipfile
src, dst, path, mode = sys.argv[1:5]
z = zipfile.ZipFile(src)
pkl = z.read('archive/data.pkl')
class Obj:
    def __setstate__(self, state): self.state = state
class Rebuild:
    def __init__(self, *args): self.args = args
class Table(pickle.Unpickler):
    def find_class(self, module, name):
        if name == '_rebuild_tensor_v2': return Rebuild
        if name == 'OrderedDict': return lambda *a: None
        if name.endswith('Storage'): return name
        return type(name, (Obj,), {})
    def persistent_load(self, pid): return pid
def tensors(o, prefix=''):
    for k, v in getattr(o, 'state', {}).items():
        p = prefix + '/' + k if prefix else k
        if isinstance(v, Rebuild): yield p, v.args[0]
        else: yield from tensors(v, p)
storage = [s for p, s in tensors(Table(io.BytesIO(pkl)).load()) if p.startswith(path)][0]
key, numel, size = storage[2], storage[4], {'Float': 4, 'Double': 8, 'Long': 8, 'Byte': 1, 'Half': 2}
mark = b'X' + struct.pack('<I', len(key)) + key.encode()
at = pkl.index(mark)
def skip_put(i): return i + (2 if pkl[i:i+1] == b'q' else 5 if pkl[i:i+1] == b'r' else 0)
def value_end(i):  # a memo reference, a whole number or a text
    op = pkl[i:i+1]
    if op == b'X': return i + 5 + struct.unpack('<I', pkl[i+1:i+5])[0]
    return i + {b'h': 2, b'j': 5, b'K': 2, b'M': 3, b'J': 5, b'\x8a': 10}[op]
numel_at = skip_put(value_end(skip_put(at + len(mark))))
numel_end = value_end(numel_at)
assert pkl[numel_end:numel_end+2] == b'tQ'
offset_at = skip_put(numel_end + 2)
records = {}
if mode == 'offset':
    assert pkl[offset_at:offset_at+2] == b'K\x00'
    pkl = pkl[:offset_at] + b'J\xff\xff\xff\x7f' + pkl[offset_at+2:]
elif mode == 'cut':
    records['archive/data/' + key] = z.read('archive/data/' + key)[:4]
else:
    count = numel * size[storage[1].replace('Storage', '')] // size[mode]
    pkl = pkl[:numel_at] + b'\x8a\x08' + struct.pack('<q', count) + pkl[numel_end:]
    # The storage type just before the key: a memo reference, or the type's first GLOBAL and its memo.
    first = re.search(rb'ctorch\n\w+Storage\n(q.|r....)$', pkl[:at], re.S)
    ref, end = (first.start(), first.start(1)) if first else (at - 2 if pkl[at-2:at-1] == b'h' else at - 5, at)
    pkl = pkl[:ref] + b'ctorch\n' + mode.encode() + b'Storage\n' + pkl[end:]
with zipfile.ZipFile(dst, 'w') as out:
    for info in z.infolist():
        data = pkl if info.filename == 'archive/data.pkl' else records.get(info.filename, z.read(info.filename))
        out.writestr(zipfile.ZipInfo(info.filename, date_time=info.date_time), data)
EOF
}
copyrun() { rm -rf "$2" && mkdir -p "$2/samples" && cp "$1"/experiment.json "$1"/checkpoint.pt "$1"/metrics.csv "$2"/; }
seconds() { awk -v a="$1" -v b="$(date +%s.%N)" 'BEGIN { printf "%.2f", b - a }'; }
none() { [ -e "$1" ] && echo "NO: $1 written" || echo "no file written"; }
"$cli" train --preset mlp-ring8 --out ring --steps 20 >/dev/null 2>&1 || { echo "cannot train the EMA run"; exit 1; }

# Crafted checkpoints: every command exited 139 with nothing on stderr, or loaded garbage.
copyrun run offset && craft run/checkpoint.pt offset/checkpoint.pt generator/g1/weight offset
o=$(sum offset/checkpoint.pt)
row "storage offset 2^31-1 (generator/g1/weight): sample" "same offset/checkpoint.pt $o" "$cli" sample offset --count 4 --out s.idx
row "... train --resume" "same offset/checkpoint.pt $o" "$cli" train --resume offset --steps 30
row "... evaluate" "same offset/checkpoint.pt $o" "$cli" evaluate offset
row "... directions" "none d.json" "$cli" directions offset --out d.json
row "... walk" "none w.gif" "$cli" walk offset --direction 1 --out w.gif
for t in generator_ema/g1/weight eval_noise order optimizer_g/state/ history; do
    d="o-$(echo "$t" | tr '/' '-')"
    copyrun ring "$d" && craft ring/checkpoint.pt "$d/checkpoint.pt" "$t" offset
    row "storage offset 2^31-1 ($t): train --resume" "echo —" "$cli" train --resume "$d" --steps 30
done
copyrun ring cut4 && craft ring/checkpoint.pt cut4/checkpoint.pt generator_ema/g1/weight cut
row "EMA g1 weight's data cut to 4 bytes: train --resume" "echo —" "$cli" train --resume cut4 --steps 30
copyrun ring half && craft ring/checkpoint.pt half/checkpoint.pt generator_ema/g1/weight Half
row "half-precision EMA weight: sample" "echo —" "$cli" sample half --count 4 --out s.csv
copyrun ring ohalf && craft ring/checkpoint.pt ohalf/checkpoint.pt optimizer_g/state/ Half
row "half-precision optimiser state: train --resume" "echo —" "$cli" train --resume ohalf --steps 30
copyrun ring hbytes && craft ring/checkpoint.pt hbytes/checkpoint.pt history Byte
row "loss history stored as bytes: train --resume" "echo —" "$cli" train --resume hbytes --steps 30
copyrun ring hlong && craft ring/checkpoint.pt hlong/checkpoint.pt history Long
row "loss history stored as longs: train --resume" "echo —" "$cli" train --resume hlong --steps 30
copyrun ring nbyte && craft ring/checkpoint.pt nbyte/checkpoint.pt eval_noise Byte
row "evaluation noise as bytes: sample" "echo —" "$cli" sample nbyte --count 4 --out s.csv

# Links, pipes and devices where a run keeps its files; outputs aimed at a run's files. (A FIFO
# stands in for a device such as /dev/full: the same check, without risking this machine's /dev.)
echo "someone else's file" > victim.txt && v=$(sum victim.txt)
copyrun ring linked && rm linked/experiment.json && ln -s "$work/victim.txt" linked/experiment.json
row "RUN/experiment.json a link to another file: train --resume" "same victim.txt $v" "$cli" train --resume linked --steps 30
copyrun ring linkedpng && ln -s "$work/victim.txt" linkedpng/samples/step_000030.png
row "RUN/samples/step_000030.png a link: train --resume" "same victim.txt $v" "$cli" train --resume linkedpng --steps 30
mkfifo pipe.json && ln -s "$work/pipe.json" to-pipe.csv
row "directions --out a FIFO" "[ -p pipe.json ] && echo 'pipe.json still a FIFO' || echo 'NO: pipe.json replaced'" \
    "$cli" directions ring --method random --out pipe.json
row "sample --out a link to a FIFO" "[ -p pipe.json ] && [ -L to-pipe.csv ] && echo 'link and FIFO unchanged' || echo 'NO: replaced'" \
    "$cli" sample ring --count 4 --out to-pipe.csv
copyrun ring mfifo && rm mfifo/metrics.csv && mkfifo mfifo/metrics.csv
row "RUN/metrics.csv a FIFO: train --resume" "echo —" timeout 60 "$cli" train --resume mfifo --steps 30
copyrun ring mzero && rm mzero/metrics.csv && ln -s /dev/zero mzero/metrics.csv
row "RUN/metrics.csv a link to /dev/zero: train --resume" "echo —" timeout 60 "$cli" train --resume mzero --steps 30
copyrun ring mbig && truncate -s 600M mbig/metrics.csv
start=$(date +%s.%N)
row "RUN/metrics.csv of 600 MB: train --resume" "echo \"\$(wc -l < mbig/metrics.csv) rows rewritten from the checkpoint, in \$(seconds $start) s\"" \
    timeout 60 "$cli" train --resume mbig --steps 30
copyrun ring owned && c=$(sum owned/checkpoint.pt) && e=$(sum owned/experiment.json) && m=$(sum owned/metrics.csv)
row "directions --out RUN/checkpoint.pt" "same owned/checkpoint.pt $c" "$cli" directions owned --method random --out owned/checkpoint.pt
row "directions --out RUN/experiment.json" "same owned/experiment.json $e" "$cli" directions owned --method random --out owned/experiment.json
row "sample --out RUN/metrics.csv" "same owned/metrics.csv $m" "$cli" sample owned --count 4 --out owned/metrics.csv
copyrun ring sfile && rmdir sfile/samples && echo x > sfile/samples
row "RUN/samples a file: train --resume" "echo —" "$cli" train --resume sfile --steps 30

# Two writers; signals.
copyrun ring two
"$cli" train --resume two --steps 100000000 >/dev/null 2>&1 &
first=$!
for _ in $(seq 1 600); do [ -e two/.lock ] && break; sleep 0.1; done
row "train --out R --overwrite beside train --resume R" "grep -q mlp-ring8 two/experiment.json && echo 'R is still the first run' || echo 'NO: R changed'" \
    "$cli" train --preset mlp-grid25 --out two --overwrite --steps 10
kill -TERM $first; wait $first; code=$?
echo "| SIGTERM to that train (no --checkpoint-every) | $code | — | $(intact two) |"
"$cli" train --preset mlp-ring8 --out term --steps 100000000 >/dev/null 2>&1 &
pid=$!
for _ in $(seq 1 600); do [ "$(wc -l 2>/dev/null < term/metrics.csv || echo 0)" -gt 3 ] && break; sleep 0.1; done
kill -HUP $pid; wait $pid; code=$?
echo "| SIGHUP to train (no --checkpoint-every) | $code | — | $(intact term) |"
# interrupt WHAT OUTPUT READY CMD...: SIGINT to CMD once its stderr shows READY (or 2 s in);
# how long it took to end and what it left.
interrupt() {
    local what=$1 output=$2 ready=$3
    shift 3
    : >interrupt.err
    "$@" >/dev/null 2>interrupt.err &
    local p=$! start code
    for _ in $(seq 1 20); do [ -n "$ready" ] && grep -q "$ready" interrupt.err && break; sleep 0.1; done
    start=$(date +%s.%N)
    kill -INT $p; wait $p; code=$?
    echo "| SIGINT during $what | $code | $(message "$(cat interrupt.err)") | ended $(seconds "$start") s after the signal; $(ls $output 2>/dev/null | wc -l) output files |"
}
interrupt "walk --frames 2000 (GIF), at 25 % rendered" "walk.gif walk.gif.*" "rendering 25" "$cli" walk run --direction 1 --frames 2000 --out walk.gif
interrupt "walk --frames 2000 (PNG frames), 2 s in" "walk_*.png" "" "$cli" walk run --direction 1 --frames 2000 --out walk.png
interrupt "sample --count 2000000, 2 s in" "many.idx many.idx.*" "" "$cli" sample run --count 2000000 --out many.idx

# Numbers, sizes, messages, escapes, ignored arguments.
row "walk --range nan" "none nan.gif" "$cli" walk run --direction 1 --range nan --out nan.gif
gui=$(dirname "$cli")/gan-playground
[ -x "$gui" ] && row "gan-playground --benchmark-ui nan" "echo —" \
    bash -c "QT_QPA_PLATFORM=offscreen '$gui' --benchmark-ui nan 2>&1 | grep -- --benchmark-ui | sed 's/^/gan-playground-cli: (gan-playground) /' >&2; exit \${PIPESTATUS[0]}"
/usr/bin/python3 - "$presets/mlp-ring8.json" <<'EOF'
import json, sys
e = json.load(open(sys.argv[1]))
g = e['generator']['layers']
e['generator']['layers'] = g[:1] + [{'kind': 'ReLU', 'id': 'r%d' % i} for i in range(200000)] + g[1:]
json.dump(e, open('200k.json', 'w'))
e = json.load(open(sys.argv[1]))
e['name'] = 'evil\x1b]0;owned\x07\x1b[2J'
json.dump(e, open('escapes.json', 'w'))
e['generator']['layers'][1]['id'] = 'r\x1b[31m'
json.dump(e, open('escaped-id.json', 'w'))
e = json.load(open(sys.argv[1]))
e['training']['device'] = 'cuda'
json.dump(e, open('cuda.json', 'w'))
EOF
start=$(date +%s.%N)
row "experiment of 200,000 layers ($(du -h 200k.json | cut -f1))" "echo \"answered in \$(seconds $start) s\"" "$cli" validate 200k.json
row "experiment name with escape sequences: validate" "echo —" bash -c "'$cli' validate escapes.json | head -1 | sed 's/^/gan-playground-cli: (stdout) /' >&2"
row "layer id with escape sequences" "echo —" "$cli" validate escaped-id.json
row "\"device\": \"cuda\" in a CPU build: validate" "echo —" bash -c "'$cli' validate cuda.json | grep -m1 device | sed 's/^ *- /gan-playground-cli: /' >&2; exit \${PIPESTATUS[0]}"
row "evaluate RUN_2D --count -1" "echo —" "$cli" evaluate ring --count -1
row "directions --layer nope (SeFa)" "echo —" "$cli" directions ring --layer nope --out l.json
copyrun run big && truncate -s 3G big/checkpoint.pt
row "3 GB checkpoint under ulimit -v 6000000" "echo —" bash -c "ulimit -v 6000000; exec '$cli' sample big --count 4 --out s.idx"
mkdir -p pngs && /usr/bin/python3 - <<'EOF'
import struct, zlib
def chunk(t, d): return struct.pack('>I', len(d)) + t + d + struct.pack('>I', zlib.crc32(t + d))
def png(w, h, rows):
    return b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', w, h, 8, 0, 0, 0, 0)) + chunk(b'IDAT', zlib.compress(rows)) + chunk(b'IEND', b'')
good = png(8, 8, b''.join(b'\x00' + bytes(8) for _ in range(8)))
for i in range(3): open('pngs/good%d.png' % i, 'wb').write(good)
open('pngs/cut.png', 'wb').write(good[:-20])
bad = bytearray(good); bad[good.index(b'IDAT') + 6] ^= 0x40; open('pngs/crc.png', 'wb').write(bytes(bad))
open('pngs/zero.png', 'wb').write(png(0, 8, b''))
open('pngs/huge.png', 'wb').write(png(60000, 60000, b'\x00'))
EOF
for f in cut crc zero huge; do
    rm -rf "png-$f" && mkdir "png-$f" && cp pngs/good*.png "pngs/$f.png" "png-$f/"
    experiment "png-$f.json" image-folder "$work/png-$f"
    row "image folder with a $f PNG" "echo \"libpng lines: \$(grep -c libpng png.err)\"" \
        bash -c "'$cli' train png-$f.json --out png-run --steps 1 2>&1 | tee png.err >&2; exit \${PIPESTATUS[0]}"
done
"$cli" train --preset mlp-ring8 --out endless --steps 9223372036854775807 >/dev/null 2>endless.err &
pid=$!
for _ in $(seq 1 600); do grep -q ETA endless.err && break; sleep 0.1; done
kill -INT $pid; wait $pid; code=$?
echo "| train --steps 9223372036854775807 | $code | $(grep -o 'ETA [a-z0-9:-]* *[a-z0-9]* *[a-z]*' endless.err | head -1) | — |"
