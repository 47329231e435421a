#include "sampleimage.h"

#include "io/atomicfile.h"

#include <QCoreApplication>
#include <QPainter>
#include <QBuffer>

#include <algorithm>
#include <cmath>

namespace {
// Messages a user reads: translated (context "SampleFiles").
struct Text {
    Q_DECLARE_TR_FUNCTIONS(SampleFiles)
};
}  // namespace

namespace sampleimage {

QImage image(const SampleBatch &batch, int index)
{
    if (!batch.isImages() || index < 0 || index >= batch.count)
        return {};
    const size_t size = size_t(batch.height) * batch.width * batch.channels;
    const uchar *src = batch.pixels.data() + size * size_t(index);
    const QImage::Format format = batch.channels == 1 ? QImage::Format_Grayscale8 : QImage::Format_RGB888;
    QImage out(batch.width, batch.height, format);
    if (batch.channels != 1 && batch.channels != 3)
        return {};
    for (int y = 0; y < batch.height; ++y)
        memcpy(out.scanLine(y), src + size_t(y) * batch.width * batch.channels, size_t(batch.width) * batch.channels);
    return out;
}

SampleBatch fromDataset(const Dataset &data, int count)
{
    SampleBatch batch;
    if (data.kind != Dataset::Kind::Images)
        return batch;
    batch.count = int(std::min<std::int64_t>(count, data.count));
    batch.channels = data.channels;
    batch.height = data.height;
    batch.width = data.width;
    const int c = batch.channels, h = batch.height, w = batch.width;
    batch.pixels.resize(size_t(batch.count) * c * h * w);
    for (int n = 0; n < batch.count; ++n)
        for (int ch = 0; ch < c; ++ch)
            for (int y = 0; y < h; ++y)
                for (int x = 0; x < w; ++x)
                    batch.pixels[((size_t(n) * h + y) * w + x) * c + ch] = data.pixels[((size_t(n) * c + ch) * h + y) * w + x];
    return batch;
}

QImage grid(const SampleBatch &batch, int columns, int gap)
{
    if (!batch.isImages() || batch.count == 0)
        return {};
    const int rows = (batch.count + columns - 1) / columns;
    QImage out(gap + columns * (batch.width + gap), gap + rows * (batch.height + gap), QImage::Format_RGB888);
    out.fill(Qt::darkGray);
    QPainter painter(&out);
    for (int i = 0; i < batch.count; ++i)
        painter.drawImage(gap + (i % columns) * (batch.width + gap), gap + (i / columns) * (batch.height + gap), image(batch, i));
    painter.end();
    return out;
}

SampleBatch fromGrid(const QImage &gridImage, int channels, int height, int width, int columns, int gap)
{
    SampleBatch batch;
    if (gridImage.isNull() || (channels != 1 && channels != 3) || height <= 0 || width <= 0 || columns <= 0
        || gridImage.width() != gap + columns * (width + gap) || (gridImage.height() - gap) % (height + gap) != 0)
        return batch;
    const int rows = (gridImage.height() - gap) / (height + gap);
    const QImage rgb = gridImage.convertToFormat(QImage::Format_RGB888);
    batch.count = rows * columns;
    batch.channels = channels;
    batch.height = height;
    batch.width = width;
    batch.pixels.resize(size_t(batch.count) * height * width * channels);
    std::uint8_t *out = batch.pixels.data();
    for (int i = 0; i < batch.count; ++i) {
        const int left = gap + (i % columns) * (width + gap), top = gap + (i / columns) * (height + gap);
        for (int y = 0; y < height; ++y) {
            const uchar *line = rgb.constScanLine(top + y) + 3 * left;
            for (int x = 0; x < width; ++x)
                for (int c = 0; c < channels; ++c)
                    *out++ = line[3 * x + c];  // grey: the red of equal channels
        }
    }
    return batch;
}

QImage scatter(const std::vector<float> &real, const std::vector<float> &fake, int size, double fakeRadius, bool path)
{
    float lo = -1, hi = 1;
    for (const std::vector<float> *pts : {&real, &fake})
        for (float v : *pts)
            if (std::isfinite(v)) {
                lo = std::min(lo, v);
                hi = std::max(hi, v);
            }
    const float margin = 0.05f * (hi - lo);
    lo -= margin;
    hi += margin;
    QImage out(size, size, QImage::Format_RGB888);
    out.fill(Qt::white);
    QPainter painter(&out);
    painter.setRenderHint(QPainter::Antialiasing);
    auto at = [&](const std::vector<float> &pts, size_t i) {
        return QPointF((pts[i] - lo) / (hi - lo) * size, (1 - (pts[i + 1] - lo) / (hi - lo)) * size);
    };
    auto draw = [&](const std::vector<float> &pts, const QColor &color, double radius) {
        painter.setPen(Qt::NoPen);
        painter.setBrush(color);
        for (size_t i = 0; i + 1 < pts.size(); i += 2)
            painter.drawEllipse(at(pts, i), radius, radius);
    };
    draw(real, QColor(31, 119, 180, 90), 1.5);
    if (path && fake.size() >= 4) {
        painter.setPen(QPen(QColor(255, 127, 14, 200), 1.5));
        for (size_t i = 2; i + 1 < fake.size(); i += 2)
            painter.drawLine(at(fake, i - 2), at(fake, i));
    }
    draw(fake, QColor(255, 127, 14, fakeRadius > 2 ? 230 : 160), fakeRadius);
    return out;
}

QString savePng(const QImage &img, const QString &path)
{
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    if (!img.save(&buffer, "PNG"))
        return Text::tr("%1: cannot encode the PNG").arg(path);
    return atomicfile::write(path, png, Text::tr("image"));
}

}  // namespace sampleimage
