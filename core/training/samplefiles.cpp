#include "samplefiles.h"

#include "sampleimage.h"

#include "data/idxfile.h"
#include "io/atomicfile.h"

#include <QCoreApplication>
#include <QFileInfo>

#include <cmath>

namespace {
// Messages a user reads: translated (context "SampleFiles").
struct Text {
    Q_DECLARE_TR_FUNCTIONS(SampleFiles)
};
}  // namespace

namespace samplefiles {

QString format(const QString &path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    return suffix == QLatin1String("png") || suffix == QLatin1String("idx") || suffix == QLatin1String("csv")
                   || suffix == QLatin1String("npy")
               ? suffix
               : QString();
}

std::vector<std::uint8_t> channelsFirst(const SampleBatch &batch)
{
    std::vector<std::uint8_t> bytes(batch.pixels.size());
    const size_t plane = size_t(batch.height) * size_t(batch.width);
    const size_t channels = size_t(batch.channels);
    for (size_t n = 0; n < size_t(batch.count); ++n)
        for (size_t p = 0; p < plane; ++p)
            for (size_t c = 0; c < channels; ++c)
                bytes[(n * channels + c) * plane + p] = batch.pixels[(n * plane + p) * channels + c];
    return bytes;
}

QByteArray npy(const SampleBatch &batch)
{
    // The generator's outputs where they were kept, else the points (2D samples are their outputs).
    const std::vector<float> &values = batch.values.empty() && !batch.isImages() ? batch.points : batch.values;
    QString shape = batch.isImages() ? QStringLiteral("%1, %2, %3, %4").arg(batch.count).arg(batch.channels).arg(batch.height).arg(batch.width)
                                     : QStringLiteral("%1, 2").arg(batch.count);
    // NumPy's format 1.0: magic, version, header length (little-endian), a dict padded with
    // spaces so that the data starts at a multiple of 64 bytes, then the little-endian floats.
    QByteArray header = QStringLiteral("{'descr': '<f4', 'fortran_order': False, 'shape': (%1), }").arg(shape).toLatin1();
    while ((10 + header.size() + 1) % 64 != 0)
        header.append(' ');
    header.append('\n');
    QByteArray out("\x93NUMPY\x01\x00", 8);
    out.append(char(header.size() & 0xff)).append(char(header.size() >> 8));
    out.append(header);
    out.append(reinterpret_cast<const char *>(values.data()), qsizetype(values.size() * sizeof(float)));
    return out;
}

QString labelsPath(const QString &idxPath)
{
    const QFileInfo info(idxPath);
    return info.dir().filePath(info.completeBaseName() + QStringLiteral("-labels.idx"));
}

QString write(const SampleBatch &batch, const QString &path, const std::vector<int> &labels, int columns)
{
    const QString kind = format(path);
    const bool labelled = !labels.empty() && labels.size() == size_t(batch.count);
    if (kind == QLatin1String("csv")) {
        if (batch.isImages())
            return Text::tr("%1: .csv output is for 2D runs; this run makes images (use .png or .idx)").arg(path);
        QByteArray text;
        for (size_t i = 0; i < size_t(batch.count); ++i)
            text += QByteArray::number(batch.points[2 * i], 'g', 8) + ',' + QByteArray::number(batch.points[2 * i + 1], 'g', 8)
                + (labelled ? ',' + QByteArray::number(labels[i]) : QByteArray()) + '\n';
        return atomicfile::write(path, text, Text::tr("samples file"));
    }
    if (kind == QLatin1String("png")) {
        const int width = columns > 0 ? columns : std::max(1, int(std::ceil(std::sqrt(double(batch.count)))));
        const QImage image = batch.isImages() ? sampleimage::grid(batch, width)
                                              : sampleimage::scatter({}, batch.points);
        return sampleimage::savePng(image, path);
    }
    if (kind == QLatin1String("idx")) {
        if (!batch.isImages())
            return Text::tr("%1: .idx output is for image runs; this run makes 2D points (use .csv)").arg(path);
        std::vector<std::int64_t> dims = {batch.count};
        if (batch.channels > 1)
            dims.push_back(batch.channels);
        dims.push_back(batch.height);
        dims.push_back(batch.width);
        if (labelled) {
            std::vector<std::uint8_t> bytes(labels.begin(), labels.end());
            if (const QString e = idxfile::write(labelsPath(path), {batch.count}, bytes); !e.isEmpty())
                return e;
        }
        return idxfile::write(path, dims, channelsFirst(batch));
    }
    if (kind == QLatin1String("npy"))
        return atomicfile::write(path, npy(batch), Text::tr("samples file"));
    return Text::tr("%1: samples are written as .png, .idx, .csv or .npy").arg(path);
}

}  // namespace samplefiles
