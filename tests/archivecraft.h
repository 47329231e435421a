#pragma once

// Crafted checkpoints for the tests: a real archive with one thing changed, zipped again with
// correct checksums, so that only the checks of its table of tensors can refuse it.

#include "io/torcharchive.h"
#include "io/zipcheck.h"

#include <QByteArray>
#include <QFile>
#include <QList>
#include <QPair>
#include <QString>

#include <zlib.h>

#include <algorithm>
#include <cstdint>

namespace archivecraft {

struct Archive {
    QList<QPair<QString, QByteArray>> entries;  // in order, uncompressed

    QByteArray *entry(const QString &name)
    {
        for (auto &e : entries)
            if (e.first == name)
                return &e.second;
        return nullptr;
    }
};

inline QByteArray inflateRaw(QByteArrayView data, std::uint64_t size)
{
    QByteArray out(qsizetype(size), Qt::Uninitialized);
    z_stream z{};
    inflateInit2(&z, -MAX_WBITS);
    z.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.data()));
    z.avail_in = uInt(data.size());
    z.next_out = reinterpret_cast<Bytef *>(out.data());
    z.avail_out = uInt(out.size());
    inflate(&z, Z_FINISH);
    inflateEnd(&z);
    return out;
}

// The entries of a zip archive (empty when it is not sound).
inline Archive read(QByteArrayView zip)
{
    Archive a;
    std::vector<zipcheck::Entry> entries;
    if (!zipcheck::verify(zip, &entries).isEmpty())
        return a;
    for (const zipcheck::Entry &e : entries)
        a.entries.append({e.name, e.method == 0 ? e.data.toByteArray() : inflateRaw(e.data, e.size)});
    return a;
}

inline Archive readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? read(f.readAll()) : Archive();
}

inline void le(QByteArray &b, std::uint64_t v, int width)
{
    for (int i = 0; i < width; ++i)
        b += char((v >> (8 * i)) & 0xff);
}

// Every entry stored, with its checksum: a container zipcheck and LibTorch's reader accept.
inline QByteArray write(const Archive &a)
{
    QByteArray out, directory;
    for (const auto &[name, data] : a.entries) {
        const QByteArray n = name.toUtf8();
        const auto crc = std::uint32_t(crc32(crc32(0L, Z_NULL, 0), reinterpret_cast<const Bytef *>(data.constData()), uInt(data.size())));
        const auto offset = std::uint64_t(out.size());
        le(out, 0x04034b50, 4), le(out, 20, 2), le(out, 0, 2), le(out, 0, 2), le(out, 0, 2), le(out, 0x21, 2);
        le(out, crc, 4), le(out, std::uint64_t(data.size()), 4), le(out, std::uint64_t(data.size()), 4);
        le(out, std::uint64_t(n.size()), 2), le(out, 0, 2);
        out += n + data;
        le(directory, 0x02014b50, 4), le(directory, 20, 2), le(directory, 20, 2), le(directory, 0, 2), le(directory, 0, 2);
        le(directory, 0, 2), le(directory, 0x21, 2), le(directory, crc, 4), le(directory, std::uint64_t(data.size()), 4);
        le(directory, std::uint64_t(data.size()), 4), le(directory, std::uint64_t(n.size()), 2), le(directory, 0, 2);
        le(directory, 0, 2), le(directory, 0, 2), le(directory, 0, 2), le(directory, 0, 4), le(directory, offset, 4);
        directory += n;
    }
    const auto at = std::uint64_t(out.size());
    out += directory;
    le(out, 0x06054b50, 4), le(out, 0, 2), le(out, 0, 2), le(out, std::uint64_t(a.entries.size()), 2);
    le(out, std::uint64_t(a.entries.size()), 2), le(out, std::uint64_t(directory.size()), 4), le(out, at, 4), le(out, 0, 2);
    return out;
}

// Pickle opcodes as LibTorch's writer emits them.
inline QByteArray binint(std::int32_t v)
{
    QByteArray b("J");
    le(b, std::uint32_t(v), 4);
    return b;
}
inline QByteArray long1(std::int64_t v)
{
    QByteArray b("\x8a\x08", 2);
    le(b, std::uint64_t(v), 8);
    return b;
}
inline QByteArray storageType(const char *type) { return QByteArray("ctorch\n") + type + "Storage\n"; }

// Replaces the bytes of `span` in `pickle` (splice the later span first when changing several).
inline void splice(QByteArray &pickle, torcharchive::Span span, const QByteArray &with)
{
    pickle.replace(span.at, span.length, with);
}

}  // namespace archivecraft
