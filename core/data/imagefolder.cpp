#include "imagefolder.h"

#include <QDir>
#include <QImage>
#include <QImageReader>

namespace imagefolder {

DatasetLoad load(const QString &dir, int size, bool grayscale, std::int64_t limit, const ProgressFn &progress)
{
    DatasetLoad result;
    QDir folder(dir);
    if (!folder.exists()) {
        result.error = QStringLiteral("%1: folder not found").arg(dir);
        return result;
    }
    QStringList files = folder.entryList({QStringLiteral("*.png"), QStringLiteral("*.jpg"), QStringLiteral("*.jpeg"),
                                          QStringLiteral("*.bmp"), QStringLiteral("*.PNG"), QStringLiteral("*.JPG"),
                                          QStringLiteral("*.JPEG"), QStringLiteral("*.BMP")},
                                         QDir::Files, QDir::Name);
    if (files.isEmpty()) {
        result.error = QStringLiteral("%1: holds no PNG, JPEG or BMP images").arg(dir);
        return result;
    }
    if (limit > 0 && files.size() > limit)
        files = files.mid(0, limit);
    auto data = std::make_shared<Dataset>();
    data->kind = Dataset::Kind::Images;
    data->source = dir;
    data->channels = grayscale ? 1 : 3;
    data->height = data->width = size;
    data->count = files.size();
    const size_t plane = size_t(size) * size_t(size);
    data->pixels.resize(plane * data->channels * files.size());
    for (qsizetype i = 0; i < files.size(); ++i) {
        const QString path = folder.filePath(files[i]);
        QImageReader reader(path);
        QImage image = reader.read();
        if (image.isNull()) {
            result.error = QStringLiteral("%1: cannot read this image (%2)").arg(path, reader.errorString());
            return result;
        }
        const int side = std::min(image.width(), image.height());
        image = image.copy((image.width() - side) / 2, (image.height() - side) / 2, side, side)
                    .scaled(size, size, Qt::IgnoreAspectRatio, Qt::SmoothTransformation)
                    .convertToFormat(grayscale ? QImage::Format_Grayscale8 : QImage::Format_RGB888);
        std::uint8_t *dst = data->pixels.data() + plane * data->channels * size_t(i);
        for (int y = 0; y < size; ++y) {
            const uchar *row = image.constScanLine(y);
            for (int x = 0; x < size; ++x)
                for (int c = 0; c < data->channels; ++c)  // HWC scanline to CHW planes
                    dst[plane * c + size_t(y) * size + x] = row[x * data->channels + c];
        }
        if (progress)
            progress(double(i + 1) / double(files.size()));
    }
    result.data = std::move(data);
    return result;
}

}  // namespace imagefolder
