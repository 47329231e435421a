#pragma once

#include <QString>

// What kind of file of this program's (or an image) a path holds, by its first bytes: so that a
// command asked to write one kind of file does not silently replace another (a checkpoint turned
// into JSON by `directions --out RUN/checkpoint.pt`).
namespace filekind {

enum class Kind {
    None,        // nothing there, or an empty file
    Checkpoint,  // a zip archive (a checkpoint, or another zip)
    Experiment,  // an experiment file
    Directions,  // a latent directions file
    Metrics,     // a run's metrics.csv
    Image,       // PNG or GIF
    Idx,         // IDX samples or data
    Points,      // a CSV of numbers (2D samples)
    Other,       // anything else
};

Kind of(const QString &path);

// "a checkpoint (or another zip archive)", for messages.
QString describe(Kind kind);

}  // namespace filekind
