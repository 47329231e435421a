#include "zipcheck.h"

#include <QCoreApplication>
#include <QSet>
#include <zlib.h>

#include <algorithm>
#include <cstdint>
#include <limits>

namespace {
// Messages a user reads: translated (context "Checkpoint").
struct Text {
    Q_DECLARE_TR_FUNCTIONS(Checkpoint)
};
}  // namespace

namespace zipcheck {
namespace {

constexpr std::uint32_t kEndSignature = 0x06054b50;
constexpr std::uint32_t kZip64LocatorSignature = 0x07064b50;
constexpr std::uint32_t kZip64EndSignature = 0x06064b50;
constexpr std::uint32_t kCentralSignature = 0x02014b50;
constexpr std::uint32_t kLocalSignature = 0x04034b50;
constexpr std::int64_t kEndSize = 22, kZip64LocatorSize = 20, kZip64EndSize = 56;
constexpr std::int64_t kCentralSize = 46, kLocalSize = 30;
constexpr std::int64_t kMaxComment = 0xffff;
constexpr std::uint16_t kZip64ExtraId = 0x0001;
constexpr std::uint16_t kStored = 0;
constexpr std::uint16_t kDeflated = 8;  // LibTorch deflates the small code/ entries

// Little-endian reads that never leave the buffer (callers check the range first).
class Bytes {
public:
    explicit Bytes(QByteArrayView b) : m_b(b) {}
    std::int64_t size() const { return m_b.size(); }
    bool has(std::int64_t offset, std::int64_t length) const
    {
        return offset >= 0 && length >= 0 && offset <= size() && length <= size() - offset;
    }
    std::uint64_t le(std::int64_t offset, int width) const
    {
        std::uint64_t v = 0;
        for (int i = width - 1; i >= 0; --i)
            v = (v << 8) | std::uint8_t(m_b[offset + i]);
        return v;
    }
    std::uint16_t u16(std::int64_t o) const { return std::uint16_t(le(o, 2)); }
    std::uint32_t u32(std::int64_t o) const { return std::uint32_t(le(o, 4)); }
    std::uint64_t u64(std::int64_t o) const { return le(o, 8); }
    QByteArrayView slice(std::int64_t o, std::int64_t n) const { return m_b.sliced(o, n); }

private:
    QByteArrayView m_b;
};

std::uint32_t crc32Of(QByteArrayView data)
{
    uLong crc = crc32(0L, Z_NULL, 0);
    const auto *p = reinterpret_cast<const Bytef *>(data.data());
    std::int64_t left = data.size();
    while (left > 0) {
        const uInt chunk = uInt(std::min<std::int64_t>(left, 1 << 30));
        crc = crc32(crc, p, chunk);
        p += chunk;
        left -= chunk;
    }
    return std::uint32_t(crc);
}

// Inflates raw deflate data in pieces, for its CRC and length; false when it is not valid.
bool inflatedCrc(QByteArrayView data, std::uint32_t *crc, std::uint64_t *length)
{
    z_stream z{};
    if (inflateInit2(&z, -MAX_WBITS) != Z_OK)
        return false;
    unsigned char out[1 << 16];
    uLong sum = crc32(0L, Z_NULL, 0);
    std::uint64_t total = 0;
    z.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.data()));
    z.avail_in = uInt(std::min<std::int64_t>(data.size(), std::numeric_limits<uInt>::max()));
    int status = Z_OK;
    while (status == Z_OK) {
        z.next_out = out;
        z.avail_out = sizeof out;
        status = inflate(&z, Z_NO_FLUSH);
        const uInt produced = uInt(sizeof out - z.avail_out);
        sum = crc32(sum, out, produced);
        total += produced;
        if (status == Z_BUF_ERROR && produced > 0)
            status = Z_OK;  // the output buffer was full; go on
    }
    inflateEnd(&z);
    *crc = std::uint32_t(sum);
    *length = total;
    return status == Z_STREAM_END;
}

}  // namespace

QString verify(QByteArrayView view, std::vector<Entry> *entriesOut)
{
    const Bytes b(view);
    // The end record: the last signature whose comment runs exactly to the end of the file.
    std::int64_t end = -1;
    for (std::int64_t at = b.size() - kEndSize; at >= 0 && at >= b.size() - kEndSize - kMaxComment; --at) {
        if (b.u32(at) == kEndSignature && at + kEndSize + b.u16(at + 20) == b.size()) {
            end = at;
            break;
        }
    }
    if (end < 0)
        return Text::tr("it has no zip end record: it is cut short, or not a zip file at all");
    std::uint64_t entries = b.u16(end + 10);
    std::uint64_t directorySize = b.u32(end + 12);
    std::uint64_t directoryOffset = b.u32(end + 16);
    if (entries == 0xffff || directorySize == 0xffffffff || directoryOffset == 0xffffffff) {
        const std::int64_t locator = end - kZip64LocatorSize;
        if (!b.has(locator, kZip64LocatorSize) || b.u32(locator) != kZip64LocatorSignature)
            return Text::tr("its zip64 end locator is missing");
        const std::uint64_t record = b.u64(locator + 8);
        if (record > std::uint64_t(b.size()) || !b.has(std::int64_t(record), kZip64EndSize)
            || b.u32(std::int64_t(record)) != kZip64EndSignature)
            return Text::tr("its zip64 end record is damaged");
        entries = b.u64(std::int64_t(record) + 32);
        directorySize = b.u64(std::int64_t(record) + 40);
        directoryOffset = b.u64(std::int64_t(record) + 48);
    }
    if (directoryOffset > std::uint64_t(b.size()) || directorySize > std::uint64_t(b.size())
        || !b.has(std::int64_t(directoryOffset), std::int64_t(directorySize)))
        return Text::tr("its zip directory lies outside the file");
    if (entries == 0 || entries > std::uint64_t(directorySize / kCentralSize))
        return Text::tr("its zip directory claims %1 entries in %2 bytes").arg(entries).arg(directorySize);

    std::int64_t at = std::int64_t(directoryOffset);
    const std::int64_t directoryEnd = at + std::int64_t(directorySize);
    std::vector<Entry> found;
    QSet<QString> names;
    for (std::uint64_t i = 0; i < entries; ++i) {
        if (!b.has(at, kCentralSize) || at + kCentralSize > directoryEnd || b.u32(at) != kCentralSignature)
            return Text::tr("zip directory entry %1 is damaged").arg(i + 1);
        const std::uint16_t method = b.u16(at + 10);
        const std::uint32_t crc = b.u32(at + 16);
        std::uint64_t compressed = b.u32(at + 20), uncompressed = b.u32(at + 24);
        const std::int64_t nameLength = b.u16(at + 28), extraLength = b.u16(at + 30), commentLength = b.u16(at + 32);
        std::uint64_t local = b.u32(at + 42);
        const std::int64_t next = at + kCentralSize + nameLength + extraLength + commentLength;
        if (next > directoryEnd)
            return Text::tr("zip directory entry %1 runs past the directory").arg(i + 1);
        const QString name = QString::fromUtf8(b.slice(at + kCentralSize, nameLength));
        // Sizes and offset that do not fit 32 bits live in the zip64 extra field, in this order.
        for (std::int64_t e = at + kCentralSize + nameLength; e + 4 <= at + kCentralSize + nameLength + extraLength;) {
            const std::uint16_t id = b.u16(e), length = b.u16(e + 2);
            std::int64_t field = e + 4;
            const std::int64_t fieldEnd = field + length;
            if (fieldEnd > at + kCentralSize + nameLength + extraLength)
                return Text::tr("entry %1 has a damaged extra field").arg(name);
            if (id == kZip64ExtraId) {
                for (std::uint64_t *value : {&uncompressed, &compressed, &local}) {
                    if (*value != 0xffffffff)
                        continue;
                    if (field + 8 > fieldEnd)
                        return Text::tr("entry %1 has a damaged zip64 field").arg(name);
                    *value = b.u64(field);
                    field += 8;
                }
            }
            e = fieldEnd;
        }
        if (method != kStored && method != kDeflated)
            return Text::tr("entry %1 uses compression method %2, which checkpoints do not use").arg(name).arg(method);
        if (method == kStored && compressed != uncompressed)
            return Text::tr("entry %1 has two different sizes").arg(name);
        if (local > std::uint64_t(b.size()) || !b.has(std::int64_t(local), kLocalSize) || b.u32(std::int64_t(local)) != kLocalSignature)
            return Text::tr("entry %1 has no local header where the directory says").arg(name);
        const std::int64_t localName = b.u16(std::int64_t(local) + 26), localExtra = b.u16(std::int64_t(local) + 28);
        const std::int64_t data = std::int64_t(local) + kLocalSize + localName + localExtra;
        if (localName != nameLength || !b.has(std::int64_t(local) + kLocalSize, localName)
            || b.slice(std::int64_t(local) + kLocalSize, localName) != b.slice(at + kCentralSize, nameLength))
            return Text::tr("entry %1: its local header names another entry").arg(name);
        if (compressed > std::uint64_t(b.size()) || !b.has(data, std::int64_t(compressed)) || data + std::int64_t(compressed) > std::int64_t(directoryOffset))
            return Text::tr("entry %1 runs past the end of its data").arg(name);
        const QByteArrayView content = b.slice(data, std::int64_t(compressed));
        if (method == kStored && crc32Of(content) != crc)
            return Text::tr("entry %1 fails its checksum").arg(name);
        if (method == kDeflated) {
            std::uint32_t inflatedSum = 0;
            std::uint64_t inflatedLength = 0;
            if (!inflatedCrc(content, &inflatedSum, &inflatedLength) || inflatedLength != uncompressed || inflatedSum != crc)
                return Text::tr("entry %1 fails its checksum").arg(name);
        }
        const QString folded = name.toCaseFolded();
        if (names.contains(folded))
            return Text::tr("it holds two entries named %1").arg(name);
        names.insert(folded);
        found.push_back(Entry{name, method, uncompressed, content});
        at = next;
    }
    if (entriesOut)
        *entriesOut = std::move(found);
    return QString();
}

}  // namespace zipcheck
