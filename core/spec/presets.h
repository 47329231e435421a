#pragma once

#include "experimentspec.h"

#include <QString>
#include <QStringList>

// The built-in experiments (resources/presets/*.json, compiled in), loadable by name.
namespace presets {
QStringList names();  // sorted
// Returns an empty string on success, else a message naming the preset.
QString load(const QString &name, ExperimentSpec *spec);
QString defaultName();  // the experiment the app opens with
// What the window calls a preset, in the current language ("Lesson: mode collapse"); the name
// stays the command line's. Empty for a name without a title (tst_translations fails on one).
QString title(const QString &name);
}  // namespace presets
