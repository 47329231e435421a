#pragma once

#include <QByteArrayView>
#include <QString>

// Checks a zip container (LibTorch's checkpoint format) before anything parses it: the end
// record, every central-directory entry and its local header lie inside the file, and every
// entry's data matches its CRC-32. LibTorch's reader skips the CRC (it is built without it),
// so flipped weights would otherwise load as if they were good.
namespace zipcheck {

// Empty when the container is sound; otherwise what is wrong ("entry archive/data/3 fails its
// checksum"), without the file's name.
QString verify(QByteArrayView bytes);

}  // namespace zipcheck
