#pragma once

#include "experimentspec.h"

#include <QString>

#include <vector>

// What each loss is, as data: its name in files, how the window names and explains it, and the
// traits the engine, the checks and the views ask about. The arithmetic (training/losses.cpp)
// and the formulas on screen (ui/widgets/lossformulas.cpp) switch over the kind without
// `default:`, so the compiler names every place a new loss must be taught.
struct LossKindInfo {
    LossKind kind;
    const char *key;          // in files and on the command line: "non-saturating"
    const char *label;        // untranslated, context "LossKinds": the settings' choice
    const char *note;         // untranslated, context "LossKinds": under the formulas
    bool sigmoid = false;     // D's output is a logit: D(x) is a probability
    bool critic = false;      // D is a Wasserstein critic: its score difference is the estimate
    bool rawScores = false;   // needs D's raw output: a final Sigmoid in D is a mistake
    bool gradientPenalty = false;  // penalises the critic's gradient at mixed points
    bool clipsWeights = false;     // clips D's weights after each update
};

namespace losskind {
const std::vector<LossKindInfo> &all();  // in the order the settings offer them
const LossKindInfo &info(LossKind kind);
int indexOf(LossKind kind);  // in all()
QString label(LossKind kind);  // translated
QString note(LossKind kind);   // translated
}  // namespace losskind
