#pragma once

#include "experimentspec.h"

#include <QString>
#include <QStringList>

// One field of an experiment named as its file names it: "loss.kind", "optimizers.generator.lr",
// "loss.r1_gamma", "training.batch_size", a layer's "generator.layers[2].out" (by position) or
// "generator.layers[g3].out" (by id). A sweep varies fields by these keys; "Compare with..."
// changes one. The change goes through the file form, so every value is checked as a file's is.
namespace fieldpath {

// The field's value as its file writes it ("minimax", "0.0002", "true"); empty with `error`
// set when the experiment has no such field.
QString get(const ExperimentSpec &spec, const QString &key, QString *error = nullptr);

// Sets the field to `value`, read as the field's kind (a number, a word, true/false). Returns an
// empty string, or one sentence naming the key and what is wrong (an unknown field lists those
// known where it stops; a bad value says what is expected).
QString set(ExperimentSpec *spec, const QString &key, const QString &value);

// The keys a sweep or a comparison is likely to vary, for help texts and the window's choices.
QStringList commonKeys();

}  // namespace fieldpath
