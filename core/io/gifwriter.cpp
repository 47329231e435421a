#include "gifwriter.h"

#include "atomicfile.h"

#include <QCoreApplication>

#include <algorithm>
#include <array>
#include <cmath>
#include <unordered_map>

namespace {
struct Text {
    Q_DECLARE_TR_FUNCTIONS(GifWriter)
};

constexpr int kRedLevels = 6, kGreenLevels = 7, kBlueLevels = 6;  // 252 colours, and 4 grays

struct Palette {
    std::array<QRgb, 256> colours{};
    bool gray = true;
    std::uint8_t index(QRgb c) const
    {
        if (gray)
            return std::uint8_t(qGray(c));
        const int r = (qRed(c) * (kRedLevels - 1) + 127) / 255;
        const int g = (qGreen(c) * (kGreenLevels - 1) + 127) / 255;
        const int b = (qBlue(c) * (kBlueLevels - 1) + 127) / 255;
        const int cube = (r * kGreenLevels + g) * kBlueLevels + b;
        // A near-gray pixel may be nearer one of the extra grays than its cube colour.
        if (std::abs(qRed(c) - qGreen(c)) < 32 && std::abs(qGreen(c) - qBlue(c)) < 32) {
            auto distance = [c](QRgb p) {
                const int dr = qRed(p) - qRed(c), dg = qGreen(p) - qGreen(c), db = qBlue(p) - qBlue(c);
                return dr * dr + dg * dg + db * db;
            };
            int best = cube;
            for (int i = 252; i < 256; ++i)
                if (distance(colours[size_t(i)]) < distance(colours[size_t(best)]))
                    best = i;
            return std::uint8_t(best);
        }
        return std::uint8_t(cube);
    }
};

Palette paletteFor(const std::vector<QImage> &frames)
{
    Palette p;
    for (const QImage &f : frames)
        p.gray = p.gray && f.isGrayscale();
    if (p.gray) {
        for (int i = 0; i < 256; ++i)
            p.colours[size_t(i)] = qRgb(i, i, i);
        return p;
    }
    int i = 0;
    for (int r = 0; r < kRedLevels; ++r)
        for (int g = 0; g < kGreenLevels; ++g)
            for (int b = 0; b < kBlueLevels; ++b)
                p.colours[size_t(i++)] = qRgb(r * 255 / (kRedLevels - 1), g * 255 / (kGreenLevels - 1), b * 255 / (kBlueLevels - 1));
    for (int level : {51, 102, 153, 204})
        p.colours[size_t(i++)] = qRgb(level, level, level);
    return p;
}

void put16(QByteArray &out, int v)
{
    out.append(char(v & 0xff));
    out.append(char((v >> 8) & 0xff));
}

// Variable-length LZW codes packed least significant bit first, in sub-blocks of at most 255.
class CodeWriter {
public:
    explicit CodeWriter(QByteArray &out) : m_out(out) {}
    void put(int code, int bits)
    {
        m_bits |= std::uint32_t(code) << m_count;
        m_count += bits;
        while (m_count >= 8) {
            byte(std::uint8_t(m_bits & 0xff));
            m_bits >>= 8;
            m_count -= 8;
        }
    }
    void finish()
    {
        if (m_count > 0)
            byte(std::uint8_t(m_bits & 0xff));
        flushBlock();
        m_out.append(char(0));  // block terminator
    }

private:
    void byte(std::uint8_t b)
    {
        m_block[m_blockSize++] = b;
        if (m_blockSize == 255)
            flushBlock();
    }
    void flushBlock()
    {
        if (m_blockSize == 0)
            return;
        m_out.append(char(m_blockSize));
        m_out.append(reinterpret_cast<const char *>(m_block.data()), m_blockSize);
        m_blockSize = 0;
    }
    QByteArray &m_out;
    std::uint32_t m_bits = 0;
    int m_count = 0;
    std::array<std::uint8_t, 255> m_block{};
    int m_blockSize = 0;
};

void compress(QByteArray &out, const std::vector<std::uint8_t> &indices)
{
    constexpr int kMinCodeSize = 8;
    constexpr int kClear = 1 << kMinCodeSize, kEnd = kClear + 1, kMaxCode = 4095;
    out.append(char(kMinCodeSize));
    CodeWriter writer(out);
    std::unordered_map<std::uint32_t, int> table;  // (prefix code << 8 | next index) -> code
    table.reserve(8192);
    int codeSize = kMinCodeSize + 1, lastCode = kEnd;
    writer.put(kClear, codeSize);
    int current = -1;
    for (std::uint8_t next : indices) {
        if (current < 0) {
            current = next;
            continue;
        }
        const std::uint32_t key = std::uint32_t(current) << 8 | next;
        if (const auto found = table.find(key); found != table.end()) {
            current = found->second;
            continue;
        }
        writer.put(current, codeSize);
        table.emplace(key, ++lastCode);
        if (lastCode >= (1 << codeSize))
            ++codeSize;  // the decoder, one entry behind, widens at the same code
        if (lastCode == kMaxCode) {
            writer.put(kClear, codeSize);
            table.clear();
            codeSize = kMinCodeSize + 1;
            lastCode = kEnd;
        }
        current = next;
    }
    if (current >= 0)
        writer.put(current, codeSize);
    writer.put(kEnd, codeSize);
    writer.finish();
}
}  // namespace

namespace gifwriter {

QByteArray encode(const std::vector<QImage> &frames, int delayMs, int loops)
{
    if (frames.empty() || frames.front().isNull())
        return {};
    const QSize size = frames.front().size();
    const Palette palette = paletteFor(frames);
    QByteArray out("GIF89a");
    put16(out, size.width());
    put16(out, size.height());
    out.append(char(0xF7));  // a global table of 256 colours, 8 bits per primary
    out.append(char(0));     // background colour index
    out.append(char(0));     // square pixels
    for (QRgb c : palette.colours) {
        out.append(char(qRed(c)));
        out.append(char(qGreen(c)));
        out.append(char(qBlue(c)));
    }
    if (loops >= 0) {
        out.append("\x21\xFF\x0BNETSCAPE2.0\x03\x01", 16);
        put16(out, std::min(loops, 65535));
        out.append(char(0));
    }
    const int delay = std::max(2, int(std::lround(delayMs / 10.0)));
    std::vector<std::uint8_t> indices(size_t(size.width()) * size_t(size.height()));
    for (const QImage &frame : frames) {
        out.append("\x21\xF9\x04", 3);  // graphic control: no transparency, disposal "leave"
        out.append(char(0x04));
        put16(out, delay);
        out.append(char(0));
        out.append(char(0));
        out.append(char(0x2C));  // the image, at 0,0, full size, no local table
        put16(out, 0);
        put16(out, 0);
        put16(out, size.width());
        put16(out, size.height());
        out.append(char(0));
        const QImage rgb = (frame.size() == size ? frame : frame.scaled(size)).convertToFormat(QImage::Format_RGB32);
        for (int y = 0; y < size.height(); ++y) {
            const auto *line = reinterpret_cast<const QRgb *>(rgb.constScanLine(y));
            for (int x = 0; x < size.width(); ++x)
                indices[size_t(y) * size_t(size.width()) + size_t(x)] = palette.index(line[x]);
        }
        compress(out, indices);
    }
    out.append(char(0x3B));  // trailer
    return out;
}

QString write(const QString &path, const std::vector<QImage> &frames, int delayMs, int loops)
{
    const QByteArray bytes = encode(frames, delayMs, loops);
    if (bytes.isEmpty())
        return Text::tr("%1: no frames to write").arg(path);
    return atomicfile::write(path, bytes, Text::tr("animation"));
}

}  // namespace gifwriter
