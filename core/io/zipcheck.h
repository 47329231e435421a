#pragma once

#include <QByteArrayView>
#include <QString>

#include <cstdint>
#include <vector>

// Checks a zip container (LibTorch's checkpoint format) before anything parses it: the end
// record, every central-directory entry and its local header lie inside the file, and every
// entry's data matches its CRC-32. LibTorch's reader skips the CRC (it is built without it),
// so flipped weights would otherwise load as if they were good.
namespace zipcheck {

// One entry of a verified container; `data` points into the bytes given to verify().
struct Entry {
    QString name;
    std::uint16_t method = 0;  // 0 stored, 8 deflated
    std::uint64_t size = 0;    // uncompressed
    QByteArrayView data;       // as stored (compressed where deflated)
};

// Empty when the container is sound; otherwise what is wrong ("entry archive/data/3 fails its
// checksum"), without the file's name. Two entries whose names differ only in case are refused
// (LibTorch's reader finds entries ignoring case). With `entries`, the entries in directory order.
QString verify(QByteArrayView bytes, std::vector<Entry> *entries = nullptr);

}  // namespace zipcheck
