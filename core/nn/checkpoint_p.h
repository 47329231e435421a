#pragma once

// Private to the engine: includes torch.

#include "training/trainerstate_p.h"

#include <QString>

// A run's checkpoint: spec, G, D, EMA, optimiser states, random stream, data order and
// position, step and history, in one zip archive written atomically. Reading verifies the
// container (every entry's CRC) before LibTorch parses it, and the contents after: the
// networks' shapes, finite weights, the data order and history.
namespace checkpoint {
QString save(const TrainerState &state, const QString &path);
// Opens and verifies the file and reads the experiment it was saved from.
QString open(const QString &path, torch::serialize::InputArchive &archive, ExperimentSpec *saved);
// Why a run of `saved` cannot continue as `current` (other layers, latent size or EMA), or empty.
QString fits(const QString &path, ExperimentSpec saved, const ExperimentSpec &current);
// Reads everything but the spec into `fresh`, a newly built state of the same experiment; on
// any problem returns a message (and `fresh` is to be thrown away).
QString restore(torch::serialize::InputArchive &archive, const QString &path, TrainerState &fresh);
}  // namespace checkpoint
