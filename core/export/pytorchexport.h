#pragma once

#include "data/dataset.h"
#include "spec/experimentspec.h"

#include <QString>
#include <QStringList>

class Trainer;

// Export as a PyTorch script: the script (pytorchscript) and what it needs beside it, for the
// command line's `export` and the window's File > Export as PyTorch Script....
namespace pytorchexport {

// The files written beside the script NAME.py: NAME-points.csv (the 2D points the program draws
// or was given by hand), NAME-images.idx and NAME-labels.idx (an image folder as the program
// decoded it), NAME-weights.safetensors (a run's weights, optimiser states and random stream).
QString pointsPath(const QString &scriptPath);
QString imagesPath(const QString &scriptPath);
QString labelsPath(const QString &scriptPath);
QString weightsPath(const QString &scriptPath);

// Every file `write` would write for `spec` (and, with `withWeights`, a run's weights), the
// script first: for the window's question before it replaces any.
QStringList outputs(const ExperimentSpec &spec, const QString &scriptPath, bool withWeights);

// Writes `scriptPath` for `spec` and the data files it reads beside it; with `run` (a trainer of
// this experiment, such as a run folder opened without its data), also that run's weights, from
// `runFolder`. Refuses an experiment that cannot train (its problems, as a run names them).
// Loading data reports `progress` from 0 to 1. Every file is written atomically; `written`
// receives their paths. A file already there is replaced only when it is what an export writes
// (an exported script, exported weights, points, IDX data), or with `replaceAnything` (--force):
// a path that names something else (a symbolic link to another file too) is refused before
// anything is written. Empty, or a message naming the file and what to do.
QString write(const ExperimentSpec &spec, const QString &scriptPath, const Trainer *run, const QString &runFolder,
              QStringList *written, const ProgressFn &progress = {}, bool replaceAnything = false);

// The same for the run saved in `checkpoint` (its own experiment, its weights), opened without
// its data: the window exports a live run this way, from a checkpoint it saves for the purpose.
QString writeFromCheckpoint(const QString &checkpoint, const QString &scriptPath, const QString &runName, QStringList *written,
                            const ProgressFn &progress = {});

}  // namespace pytorchexport
