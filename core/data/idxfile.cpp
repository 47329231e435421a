#include "idxfile.h"

#include "io/atomicfile.h"
#include "io/inputfile.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

#include <zlib.h>

#include <algorithm>
#include <memory>

namespace {
// Messages a user reads: translated (context "IdxFile").
struct Text {
    Q_DECLARE_TR_FUNCTIONS(IdxFile)
};
}  // namespace

namespace idxfile {
namespace {

constexpr std::uint8_t kUbyteType = 0x08;
constexpr std::int64_t kChunk = 1 << 20;          // read 1 MiB at a time
constexpr std::int64_t kMaxDeflateRatio = 1032;   // deflate cannot expand more than this
constexpr std::int64_t kMaxChannels = 64;         // far beyond RGBA; keeps channel counts sane
constexpr std::int64_t kMaxSide = 16384;          // pixels a side; also keeps sizes within int

// A gzip or plain file read as a stream (zlib's gzread passes plain files through).
class Stream {
public:
    explicit Stream(const QString &path) : m_file(gzopen(QFile::encodeName(path).constData(), "rb")) {}
    ~Stream()
    {
        if (m_file)
            gzclose(m_file);
    }
    bool isOpen() const { return m_file != nullptr; }
    // Reads up to n bytes; returns how many were read, or -1 on a damaged stream.
    std::int64_t read(void *dst, std::int64_t n)
    {
        std::int64_t done = 0;
        while (done < n) {
            const unsigned ask = unsigned(std::min<std::int64_t>(n - done, kChunk));
            const int got = gzread(m_file, static_cast<char *>(dst) + done, ask);
            if (got < 0)
                return -1;
            if (got == 0) {
                // A gzip stream that stops before its end record reads as a quiet end of data
                // in some zlib versions; zlib still records "unexpected end of file".
                int code = Z_OK;
                gzerror(m_file, &code);
                if (code != Z_OK)
                    return -1;
                break;
            }
            done += got;
        }
        return done;
    }
    bool compressed() const { return m_file && gzdirect(m_file) == 0; }
    // Why a read returned -1: zlib's words ("unexpected end of file" for a cut file).
    QString damage() const
    {
        int code = Z_OK;
        const char *why = m_file ? gzerror(m_file, &code) : nullptr;
        if (!why || !*why)
            return QStringLiteral("zlib error %1").arg(code);
        const QString text = QString::fromUtf8(why);  // "PATH: unexpected end of file"
        return text.mid(text.lastIndexOf(QLatin1String(": ")) + 1).trimmed();
    }

private:
    gzFile m_file;
};

QString damagedGzip(const Stream &s, const QString &path, std::int64_t done)
{
    return Text::tr("%1: the gzip data is damaged or cut short after %2 bytes (%3); copy the file again")
        .arg(path).arg(done).arg(s.damage());
}

bool readDims(Stream &s, const QString &path, std::vector<std::int64_t> *dims, QString *error)
{
    unsigned char magic[4];
    const std::int64_t got = s.read(magic, 4);
    if (got < 0) {
        *error = damagedGzip(s, path, 0);
        return false;
    }
    if (got != 4) {
        *error = Text::tr("%1: too short for an IDX file (no 4-byte header)").arg(path);
        return false;
    }
    if (magic[0] != 0 || magic[1] != 0) {
        *error = Text::tr("%1: not an IDX file (wrong magic number)").arg(path);
        return false;
    }
    if (magic[2] != kUbyteType) {
        *error = Text::tr("%1: IDX data type 0x%2 is not supported; only unsigned bytes (0x08) are")
                     .arg(path).arg(int(magic[2]), 2, 16, QLatin1Char('0'));
        return false;
    }
    const int n = magic[3];
    if (n < 1 || n > 4) {
        *error = Text::tr("%1: IDX file with %2 dimensions; expected 1 to 4").arg(path).arg(n);
        return false;
    }
    dims->clear();
    for (int i = 0; i < n; ++i) {
        unsigned char b[4];
        const std::int64_t got = s.read(b, 4);
        if (got < 0) {
            *error = damagedGzip(s, path, 4 + 4 * i);
            return false;
        }
        if (got != 4) {
            *error = Text::tr("%1: truncated in the IDX header").arg(path);
            return false;
        }
        const std::int64_t d = (std::int64_t(b[0]) << 24) | (b[1] << 16) | (b[2] << 8) | b[3];
        if (d < 1) {
            *error = Text::tr("%1: IDX dimension %2 is zero").arg(path).arg(i);
            return false;
        }
        dims->push_back(d);
    }
    return true;
}

}  // namespace

bool readHeader(const QString &path, std::vector<std::int64_t> *dims, QString *error)
{
    if (const QString e = inputfile::check(path, Text::tr("an IDX file")); !e.isEmpty()) {
        *error = e;
        return false;
    }
    Stream s(path);
    if (!s.isOpen()) {
        *error = Text::tr("%1: cannot open").arg(path);
        return false;
    }
    return readDims(s, path, dims, error);
}

bool read(const QString &path, IdxArray *out, QString *error, const ProgressFn &progress, std::int64_t limit)
{
    if (const QString e = inputfile::check(path, Text::tr("an IDX file")); !e.isEmpty()) {
        *error = e;
        return false;
    }
    const std::int64_t fileSize = QFileInfo(path).size();
    Stream s(path);
    if (!s.isOpen()) {
        *error = Text::tr("%1: cannot open").arg(path);
        return false;
    }
    if (!readDims(s, path, &out->dims, error))
        return false;
    // The header's counts are untrusted: four dimensions of up to 2^32 overflow 64 bits, and
    // never allocate more than the file can hold.
    std::int64_t itemBytes = 1, want = 0;
    bool overflow = false;
    for (size_t i = 1; i < out->dims.size(); ++i)
        overflow |= __builtin_mul_overflow(itemBytes, out->dims[i], &itemBytes);
    std::int64_t items = out->dims[0];
    if (limit > 0 && limit < items)
        items = limit;
    overflow |= __builtin_mul_overflow(items, itemBytes, &want);
    const std::int64_t canHold = s.compressed() ? fileSize * kMaxDeflateRatio : fileSize;
    if (overflow) {
        *error = Text::tr("%1: the header's dimensions %2 multiply past what any file can hold; it is damaged")
                     .arg(path, shapeToString(out->dims));
        return false;
    }
    if (want > canHold) {
        *error = Text::tr("%1: header says %2 items of %3 bytes, but the file is only %4 bytes; it is truncated or damaged")
                     .arg(path).arg(out->dims[0]).arg(itemBytes).arg(fileSize);
        return false;
    }
    out->bytes.resize(size_t(want));
    std::int64_t done = 0;
    while (done < want) {
        const std::int64_t got = s.read(out->bytes.data() + done, std::min(kChunk, want - done));
        if (got < 0) {
            *error = damagedGzip(s, path, 4 + 4 * std::int64_t(out->dims.size()) + done);
            return false;
        }
        if (got == 0)
            break;
        done += got;
        if (progress)
            progress(double(done) / double(want));
    }
    if (done < want) {
        *error = Text::tr("%1: truncated: header says %2 items (%3 bytes) but the file holds only %4 bytes of data")
                     .arg(path).arg(out->dims[0]).arg(out->dims[0] * itemBytes).arg(done);
        out->bytes.clear();
        return false;
    }
    out->dims[0] = items;
    return true;
}

Shape imageShape(const std::vector<std::int64_t> &dims, const QString &path, QString *error)
{
    if (dims.size() != 3 && dims.size() != 4) {
        *error = Text::tr("%1: expected images (N x H x W or N x C x H x W), found %2 dimensions %3")
                     .arg(path).arg(dims.size()).arg(shapeToString(dims));
        return {};
    }
    const Shape shape = dims.size() == 4 ? Shape{dims[1], dims[2], dims[3]} : Shape{1, dims[1], dims[2]};
    if (shape[0] > kMaxChannels || shape[1] > kMaxSide || shape[2] > kMaxSide) {
        *error = Text::tr("%1: images of %2 are beyond what GAN Playground trains on (at most %3 channels and "
                                "%4 pixels a side)")
                     .arg(path, shapeToString(shape)).arg(kMaxChannels).arg(kMaxSide);
        return {};
    }
    return shape;
}

DatasetLoad loadImages(const QString &imagesPath, const QString &labelsPath, std::int64_t limit, const ProgressFn &progress)
{
    DatasetLoad result;
    IdxArray images;
    const bool withLabels = !labelsPath.isEmpty();
    auto imageProgress = [&](double f) {
        if (progress)
            progress(withLabels ? 0.95 * f : f);
    };
    // Both headers first: a wrong labels file is named before 47 MB of images are read.
    std::vector<std::int64_t> imageDims, labelDims;
    if (!readHeader(imagesPath, &imageDims, &result.error))
        return result;
    if (withLabels) {
        if (!readHeader(labelsPath, &labelDims, &result.error))
            return result;
        if (labelDims.size() != 1) {
            result.error = Text::tr("%1: a labels file has one dimension (one label per image), this one has %2 (%3); "
                                          "is it an images file? Choose the matching labels file")
                               .arg(labelsPath).arg(labelDims.size()).arg(shapeToString(labelDims));
            return result;
        }
        const std::int64_t used = limit > 0 ? std::min<std::int64_t>(limit, imageDims[0]) : imageDims[0];
        if (labelDims[0] < used || (limit <= 0 && labelDims[0] != used)) {
            result.error = Text::tr("%1: holds %2 labels but %3 holds %4 images; they do not belong together")
                               .arg(labelsPath).arg(labelDims[0]).arg(imagesPath).arg(imageDims[0]);
            return result;
        }
    }
    if (!read(imagesPath, &images, &result.error, imageProgress, limit))
        return result;
    const Shape shape = imageShape(images.dims, imagesPath, &result.error);
    if (shape.empty())
        return result;
    auto data = std::make_shared<Dataset>();
    data->kind = Dataset::Kind::Images;
    data->source = imagesPath;
    data->count = images.dims[0];
    data->channels = int(shape[0]);
    data->height = int(shape[1]);
    data->width = int(shape[2]);
    data->pixels = std::move(images.bytes);
    if (withLabels) {
        IdxArray labels;
        if (!read(labelsPath, &labels, &result.error, {}, limit))
            return result;
        data->labels.assign(labels.bytes.begin(), labels.bytes.end());
    }
    if (progress)
        progress(1.0);
    result.data = std::move(data);
    return result;
}

QString write(const QString &path, const std::vector<std::int64_t> &dims, const std::vector<std::uint8_t> &bytes)
{
    QByteArray header;
    header.append(char(0)).append(char(0)).append(char(kUbyteType)).append(char(dims.size()));
    for (std::int64_t d : dims)
        for (int shift = 24; shift >= 0; shift -= 8)
            header.append(char((d >> shift) & 0xff));
    return atomicfile::write(path, {header, QByteArrayView(reinterpret_cast<const char *>(bytes.data()), qsizetype(bytes.size()))},
                             Text::tr("IDX file"));
}

}  // namespace idxfile
