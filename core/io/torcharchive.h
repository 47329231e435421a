#pragma once

#include <QByteArrayView>
#include <QMap>
#include <QString>
#include <QVariant>

#include <cstdint>
#include <functional>
#include <vector>

// Reads the table of contents of a LibTorch archive (a checkpoint, the classifier cache) without
// LibTorch, so that nothing LibTorch would read unchecked reaches it. LibTorch trusts the
// pickle inside: a tensor whose storage offset, size or element count lies beyond its data
// makes it read (and crash) outside the file's bytes. This reader understands only what
// LibTorch's own writer emits (pickle protocol 2, module objects, tensors, plain values) and
// refuses everything else, then checks every storage against its data record and every tensor
// against its storage. Callers compare the table with what they expect (types and shapes)
// before LibTorch parses the same bytes.
namespace torcharchive {

// Where a value was written in the pickle (for messages, and for tests that craft files).
struct Span {
    qsizetype at = 0;
    qsizetype length = 0;
};

struct TensorInfo {
    QString path;   // attribute names from the archive's root: "generator_ema/g1/weight"
    QString dtype;  // LibTorch's storage type without "Storage": "Float", "Long", "Byte", ...
    int itemSize = 0;
    std::vector<std::int64_t> sizes;  // contiguous (checked)
    std::int64_t offset = 0;          // in values, into the storage
    std::int64_t storageNumel = 0;    // values the storage claims (checked against its record)
    QString record;                   // the zip entry of its data: "archive/data/20"
    Span dtypeAt, offsetAt, numelAt;  // in the pickle: the storage type, the offset, the count
};

struct Contents {
    QString error;                    // empty when the archive is sound
    QString pickle;                   // the zip entry of the table: "archive/data.pkl"
    std::vector<TensorInfo> tensors;  // every tensor of the archive, each with its path
    QMap<QString, QVariant> values;   // plain attributes (text, whole numbers, numbers, truth values) by path
    bool ok() const { return error.isEmpty(); }
    const TensorInfo *tensor(const QString &path) const;
};

// Verifies the zip container (zipcheck), then every pickle in it. The error says what is wrong
// and where, without the file's name.
Contents read(QByteArrayView zip);

// One pickle: `name` for messages, `recordSize(key)` the bytes of data record `key` (-1 when
// there is none). With `objects` false, the pickle may hold no tensors and no objects (the
// archive's constants and debug tables).
Contents readPickle(QByteArrayView pickle, const QString &name, const std::function<qint64(const QString &)> &recordSize,
                    bool objects = true);

}  // namespace torcharchive
