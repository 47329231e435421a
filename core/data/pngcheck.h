#pragma once

#include <QByteArrayView>
#include <QSize>
#include <QString>

// Checks a PNG file's structure before Qt decodes it. Qt hands a damaged PNG to libpng with
// libpng's own error handler, which prints "libpng error: ..." on stderr, outside any message
// of ours; a file that passes here decodes without that.
namespace pngcheck {

bool isPng(QByteArrayView bytes);
// The size its header gives, read without decoding (invalid when there is no header).
QSize headerSize(QByteArrayView bytes);

// Empty when the PNG is whole: its signature, every chunk inside the file with its CRC, a
// header first with a size above zero, image data that inflates completely, an end chunk last.
// Otherwise what is wrong ("it is cut short after 512 bytes"), without the file's name.
QString verify(QByteArrayView bytes);

}  // namespace pngcheck
