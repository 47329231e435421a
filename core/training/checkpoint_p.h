#pragma once

// Private to the engine: includes torch.

#include "io/torcharchive.h"
#include "trainerstate_p.h"

#include <QByteArray>
#include <QString>

// A run's checkpoint: spec, G, D, EMA, optimiser states, random stream, data order and
// position, step and history, in one zip archive written atomically. Reading verifies the
// container (every entry's CRC) and its table of tensors (torcharchive) before LibTorch parses
// it: every tensor's type and shape against the experiment, every tensor inside its data. After
// LibTorch has read it: finite weights, the data order and the history.
namespace checkpoint {
QString save(const TrainerState &state, const QString &path);

// A checkpoint file, verified but not yet parsed by LibTorch.
struct File {
    QString path;
    QByteArray bytes;
    torcharchive::Contents contents;
    ExperimentSpec spec;  // the experiment it was saved from
};
// Reads and verifies the file (a regular file that fits in memory, a sound container and table)
// and the experiment it was saved from. Empty, or a message naming the file.
QString open(const QString &path, File *file);
// Why a run of `saved` cannot continue as `current` (other layers, latent size or EMA), or empty.
QString fits(const QString &path, ExperimentSpec saved, const ExperimentSpec &current);
// Reads everything but the spec into `fresh`, a newly built state of the same experiment; on
// any problem returns a message (and `fresh` is to be thrown away).
// `anyData`: the data order is not checked against the data but dropped (a new shuffle
// follows): for a run resumed on changed data, or sampled without its data.
QString restore(const File &file, TrainerState &fresh, bool anyData = false);
}  // namespace checkpoint
