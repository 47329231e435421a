#pragma once

#include "experimentspec.h"

#include <QString>
#include <QStringList>

#include <functional>
#include <optional>
#include <vector>

// The built-in experiments (resources/presets/*.json, compiled in), loadable by name.
namespace presets {
QStringList names();  // sorted
// Returns an empty string on success, else a message naming the preset.
QString load(const QString &name, ExperimentSpec *spec);
QString defaultName();  // the experiment the app opens with
// What the window calls a preset, in the current language ("Lesson: mode collapse"); the name
// stays the command line's. Empty for a name without a title (tst_translations fails on one).
QString title(const QString &name);

// A lesson's next step, the change its description asks for: an edit of the open experiment
// (one undo step) or another preset to open beside it.
struct FollowUp {
    QString label;   // the button's words, in the current language
    QString tip;
    QString preset;  // open this one; empty: apply `edit`
    std::function<void(ExperimentSpec &)> edit;
    QString field;   // what `edit` changes, for its undo step ("loss")
};
// For the experiment `spec` (a lesson, by its name), while its next step is still to take.
std::optional<FollowUp> followUp(const ExperimentSpec &spec);

// What the window's Lesson panel shows of a lesson preset besides its description: what to
// watch, what to change next, and the table of the figures its description cites (measured
// with the command line on five seeds; the cells list the seeds in order). In the current
// language.
struct Lesson {
    QString watch;
    QString next;
    QString measured;      // how the table was measured
    QStringList sweeps;    // the sweep commands that measure it again (command lines: not translated)
    QStringList columns;   // the first one names the runs
    std::vector<QStringList> rows;
};
std::optional<Lesson> lesson(const QString &name);
}  // namespace presets
