#pragma once

#include "experimentspec.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

// The experiment's JSON form: {"format": "gan-playground-experiment", "version": "1.0", ...}.
// A file of an unknown major version is refused; within a known major version every bad or
// unknown field is reported by its path ("generator.layers[3].kernel: ...").
namespace specjson {

inline constexpr const char *kFormat = "gan-playground-experiment";
inline constexpr int kMajorVersion = 1;
// 1.1 added latent.directions (named latent directions).
inline constexpr int kMinorVersion = 3;  // 1.2: training.precision; 1.3: conditioning

QJsonObject toJson(const ExperimentSpec &spec);
QByteArray toBytes(const ExperimentSpec &spec);  // indented, stable key order

struct ParseResult {
    ExperimentSpec spec;
    QStringList errors;  // empty on success
    bool ok() const { return errors.isEmpty(); }
};

ParseResult fromJson(const QJsonObject &object);
// `source` names the file (or "preset X") in the messages.
ParseResult fromBytes(const QByteArray &bytes, const QString &source);
ParseResult fromFile(const QString &path);

// Writes atomically (QSaveFile). Returns an empty string or a message naming the file.
QString writeFile(const ExperimentSpec &spec, const QString &path);

QJsonObject layerToJson(const LayerSpec &layer);

}  // namespace specjson
