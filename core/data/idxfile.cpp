#include "idxfile.h"

#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include <zlib.h>

#include <algorithm>
#include <memory>

namespace idxfile {
namespace {

constexpr std::uint8_t kUbyteType = 0x08;
constexpr std::int64_t kChunk = 1 << 20;          // read 1 MiB at a time
constexpr std::int64_t kMaxDeflateRatio = 1032;   // deflate cannot expand more than this

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
            if (got == 0)
                break;
            done += got;
        }
        return done;
    }
    bool compressed() const { return m_file && gzdirect(m_file) == 0; }

private:
    gzFile m_file;
};

bool readDims(Stream &s, const QString &path, std::vector<std::int64_t> *dims, QString *error)
{
    unsigned char magic[4];
    if (s.read(magic, 4) != 4) {
        *error = QStringLiteral("%1: too short for an IDX file (no 4-byte header)").arg(path);
        return false;
    }
    if (magic[0] != 0 || magic[1] != 0) {
        *error = QStringLiteral("%1: not an IDX file (wrong magic number)").arg(path);
        return false;
    }
    if (magic[2] != kUbyteType) {
        *error = QStringLiteral("%1: IDX data type 0x%2 is not supported; only unsigned bytes (0x08) are")
                     .arg(path).arg(int(magic[2]), 2, 16, QLatin1Char('0'));
        return false;
    }
    const int n = magic[3];
    if (n < 1 || n > 4) {
        *error = QStringLiteral("%1: IDX file with %2 dimensions; expected 1 to 4").arg(path).arg(n);
        return false;
    }
    dims->clear();
    for (int i = 0; i < n; ++i) {
        unsigned char b[4];
        if (s.read(b, 4) != 4) {
            *error = QStringLiteral("%1: truncated in the IDX header").arg(path);
            return false;
        }
        const std::int64_t d = (std::int64_t(b[0]) << 24) | (b[1] << 16) | (b[2] << 8) | b[3];
        if (d < 1) {
            *error = QStringLiteral("%1: IDX dimension %2 is zero").arg(path).arg(i);
            return false;
        }
        dims->push_back(d);
    }
    return true;
}

}  // namespace

bool readHeader(const QString &path, std::vector<std::int64_t> *dims, QString *error)
{
    if (!QFileInfo::exists(path)) {
        *error = QStringLiteral("%1: file not found").arg(path);
        return false;
    }
    Stream s(path);
    if (!s.isOpen()) {
        *error = QStringLiteral("%1: cannot open").arg(path);
        return false;
    }
    return readDims(s, path, dims, error);
}

bool read(const QString &path, IdxArray *out, QString *error, const ProgressFn &progress, std::int64_t limit)
{
    if (!QFileInfo::exists(path)) {
        *error = QStringLiteral("%1: file not found").arg(path);
        return false;
    }
    const std::int64_t fileSize = QFileInfo(path).size();
    Stream s(path);
    if (!s.isOpen()) {
        *error = QStringLiteral("%1: cannot open").arg(path);
        return false;
    }
    if (!readDims(s, path, &out->dims, error))
        return false;
    std::int64_t itemBytes = 1;
    for (size_t i = 1; i < out->dims.size(); ++i)
        itemBytes *= out->dims[i];
    std::int64_t items = out->dims[0];
    if (limit > 0 && limit < items)
        items = limit;
    const std::int64_t want = items * itemBytes;
    // The header's counts are untrusted: never allocate more than the file can hold.
    const std::int64_t canHold = s.compressed() ? fileSize * kMaxDeflateRatio : fileSize;
    if (want > canHold) {
        *error = QStringLiteral("%1: header says %2 items of %3 bytes, but the file is only %4 bytes; it is truncated or damaged")
                     .arg(path).arg(out->dims[0]).arg(itemBytes).arg(fileSize);
        return false;
    }
    out->bytes.resize(size_t(want));
    std::int64_t done = 0;
    while (done < want) {
        const std::int64_t got = s.read(out->bytes.data() + done, std::min(kChunk, want - done));
        if (got < 0) {
            *error = QStringLiteral("%1: the gzip data is damaged after %2 bytes").arg(path).arg(done);
            return false;
        }
        if (got == 0)
            break;
        done += got;
        if (progress)
            progress(double(done) / double(want));
    }
    if (done < want) {
        *error = QStringLiteral("%1: truncated: header says %2 items (%3 bytes) but the file holds only %4 bytes of data")
                     .arg(path).arg(out->dims[0]).arg(out->dims[0] * itemBytes).arg(done);
        out->bytes.clear();
        return false;
    }
    out->dims[0] = items;
    return true;
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
    if (!read(imagesPath, &images, &result.error, imageProgress, limit))
        return result;
    if (images.dims.size() != 3 && images.dims.size() != 4) {
        result.error = QStringLiteral("%1: expected images (N x H x W or N x C x H x W), found %2 dimensions")
                           .arg(imagesPath).arg(images.dims.size());
        return result;
    }
    auto data = std::make_shared<Dataset>();
    data->kind = Dataset::Kind::Images;
    data->source = imagesPath;
    data->count = images.dims[0];
    data->channels = images.dims.size() == 4 ? int(images.dims[1]) : 1;
    data->height = int(images.dims[images.dims.size() - 2]);
    data->width = int(images.dims.back());
    data->pixels = std::move(images.bytes);
    if (withLabels) {
        IdxArray labels;
        if (!read(labelsPath, &labels, &result.error, {}, limit))
            return result;
        if (labels.dims.size() != 1 || labels.dims[0] != data->count) {
            result.error = QStringLiteral("%1: holds %2 labels but %3 holds %4 images; they do not belong together")
                               .arg(labelsPath).arg(labels.dims[0]).arg(imagesPath).arg(data->count);
            return result;
        }
        data->labels.assign(labels.bytes.begin(), labels.bytes.end());
    }
    if (progress)
        progress(1.0);
    result.data = std::move(data);
    return result;
}

QString write(const QString &path, const std::vector<std::int64_t> &dims, const std::vector<std::uint8_t> &bytes)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return QStringLiteral("%1: cannot write (%2)").arg(path, file.errorString());
    QByteArray header;
    header.append(char(0)).append(char(0)).append(char(kUbyteType)).append(char(dims.size()));
    for (std::int64_t d : dims)
        for (int shift = 24; shift >= 0; shift -= 8)
            header.append(char((d >> shift) & 0xff));
    file.write(header);
    file.write(reinterpret_cast<const char *>(bytes.data()), qint64(bytes.size()));
    if (!file.commit())
        return QStringLiteral("%1: writing failed (%2)").arg(path, file.errorString());
    return QString();
}

}  // namespace idxfile
