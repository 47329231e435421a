#include "pngcheck.h"

#include <QCoreApplication>
#include <zlib.h>

#include <cstdint>

namespace {
// Messages a user reads: translated (context "ImageFolder").
struct Text {
    Q_DECLARE_TR_FUNCTIONS(ImageFolder)
};

constexpr char kSignature[] = "\x89PNG\r\n\x1a\n";
constexpr qsizetype kSignatureSize = 8;
constexpr std::uint32_t kMaxSide = 1u << 31;  // the PNG format's own limit on a side

std::uint32_t be32(QByteArrayView b, qsizetype at)
{
    return std::uint32_t(std::uint8_t(b[at])) << 24 | std::uint32_t(std::uint8_t(b[at + 1])) << 16
           | std::uint32_t(std::uint8_t(b[at + 2])) << 8 | std::uint32_t(std::uint8_t(b[at + 3]));
}
}  // namespace

namespace pngcheck {

bool isPng(QByteArrayView bytes) { return bytes.startsWith(QByteArrayView(kSignature, kSignatureSize)); }

QSize headerSize(QByteArrayView b)
{
    if (!isPng(b) || b.size() < kSignatureSize + 8 + 8 || b.sliced(kSignatureSize + 4, 4) != "IHDR")
        return QSize();
    const std::uint32_t width = be32(b, kSignatureSize + 8), height = be32(b, kSignatureSize + 12);
    if (width == 0 || height == 0 || width >= kMaxSide || height >= kMaxSide)
        return QSize();
    return QSize(int(width), int(height));
}

QString verify(QByteArrayView b)
{
    if (!isPng(b))
        return Text::tr("it is not a PNG file");
    z_stream z{};
    if (inflateInit(&z) != Z_OK)
        return Text::tr("its image data cannot be checked");
    unsigned char sink[1 << 15];
    int inflated = Z_OK;
    bool header = false, data = false;
    qsizetype at = kSignatureSize;
    QString problem;
    while (problem.isEmpty()) {
        if (b.size() - at < 12) {
            problem = Text::tr("it is cut short after %1 bytes").arg(b.size());
            break;
        }
        const std::uint32_t length = be32(b, at);
        const QByteArrayView type = b.sliced(at + 4, 4);
        if (length > std::uint32_t(b.size() - at - 12)) {
            problem = Text::tr("it is cut short after %1 bytes").arg(b.size());
            break;
        }
        const QByteArrayView body = b.sliced(at + 8, qsizetype(length));
        const uLong crc = crc32(crc32(0L, Z_NULL, 0), reinterpret_cast<const Bytef *>(type.data()), 4);
        if (crc32(crc, reinterpret_cast<const Bytef *>(body.data()), uInt(body.size())) != be32(b, at + 8 + qsizetype(length))) {
            problem = Text::tr("its %1 chunk at byte %2 fails its checksum").arg(QString::fromLatin1(type.toByteArray())).arg(at);
            break;
        }
        if (!header && type != "IHDR") {
            problem = Text::tr("it does not begin with a header");
        } else if (type == "IHDR") {
            const std::uint32_t width = length == 13 ? be32(body, 0) : 0, height = length == 13 ? be32(body, 4) : 0;
            if (header || width == 0 || height == 0 || width >= kMaxSide || height >= kMaxSide)
                problem = Text::tr("its header gives a size of %1x%2 pixels").arg(width).arg(height);
            header = true;
        } else if (type == "IDAT") {
            data = true;
            z.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(body.data()));
            z.avail_in = uInt(body.size());
            while (inflated == Z_OK && z.avail_in > 0) {
                do {  // until this chunk is used and nothing waits to come out
                    z.next_out = sink;
                    z.avail_out = sizeof sink;
                    inflated = inflate(&z, Z_NO_FLUSH);
                } while (inflated == Z_OK && z.avail_out == 0);
                if (inflated == Z_BUF_ERROR)
                    inflated = Z_OK;  // it needs the next chunk
            }
            if (inflated != Z_OK && inflated != Z_STREAM_END)
                problem = Text::tr("its image data is damaged (%1)").arg(QString::fromLatin1(z.msg ? z.msg : "zlib error"));
        } else if (type == "IEND") {
            if (!data || inflated != Z_STREAM_END)
                problem = Text::tr("its image data is incomplete");
            break;
        }
        at += 12 + qsizetype(length);
    }
    inflateEnd(&z);
    return problem;
}

}  // namespace pngcheck
