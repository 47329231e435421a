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
}  // namespace presets
