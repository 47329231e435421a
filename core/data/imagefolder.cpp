#include "imagefolder.h"

#include "io/memorybudget.h"
#include "pngcheck.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QImageReader>

#include <map>

namespace {
// Messages a user reads: translated (context "ImageFolder").
struct Text {
    Q_DECLARE_TR_FUNCTIONS(ImageFolder)
};
}  // namespace

namespace imagefolder {
namespace {

// Qt refuses to decode more than 256 MB (its allocation limit): 64 megapixels of 32 bits.
constexpr double kMaxPixels = 64e6;
constexpr qint64 kMaxFileBytes = qint64(256) << 20;

const QStringList kImagePatterns = {QStringLiteral("*.png"), QStringLiteral("*.jpg"), QStringLiteral("*.jpeg"), QStringLiteral("*.bmp"),
                                    QStringLiteral("*.PNG"), QStringLiteral("*.JPG"), QStringLiteral("*.JPEG"), QStringLiteral("*.BMP")};

QStringList imageFiles(const QDir &folder)
{
    return folder.entryList(kImagePatterns, QDir::Files, QDir::Name);
}

// The subfolders of `folder` that hold images, sorted by name: its classes, when it holds no
// images itself.
QStringList classFolders(const QDir &folder)
{
    QStringList classes;
    for (const QString &sub : folder.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name))
        if (QDirIterator(folder.filePath(sub), kImagePatterns, QDir::Files).hasNext())
            classes << sub;
    return classes;
}

// One image of the folder: its file checked (a PNG's structure, the size its header gives)
// before Qt decodes it, so that a damaged or enormous file gets a sentence of ours.
QString readImage(const QString &path, QImage *image)
{
    QFile file(path);
    if (file.size() > kMaxFileBytes)
        return Text::tr("%1: %2 is too large for an image of a training set (at most %3); make it smaller")
            .arg(path, memorybudget::describe(double(file.size())), memorybudget::describe(double(kMaxFileBytes)));
    if (!file.open(QIODevice::ReadOnly))
        return Text::tr("%1: cannot open this image (%2)").arg(path, file.errorString());
    const QByteArray bytes = file.readAll();
    const bool png = pngcheck::isPng(bytes);
    QBuffer buffer;
    buffer.setData(bytes);
    QImageReader reader(&buffer);
    // The size first (a PNG's from its header, without libpng), then a PNG's whole structure.
    const QSize size = png ? pngcheck::headerSize(bytes) : reader.size();
    if (size.isValid() && double(size.width()) * size.height() > kMaxPixels)
        return Text::tr("%1: is %2x%3 pixels, too large to read (at most %4 megapixels); make it smaller")
            .arg(path)
            .arg(size.width())
            .arg(size.height())
            .arg(kMaxPixels / 1e6, 0, 'f', 0);
    if (png)
        if (const QString damage = pngcheck::verify(bytes); !damage.isEmpty())
            return Text::tr("%1: this PNG file is damaged (%2); remove it or replace it with a good copy").arg(path, damage);
    *image = reader.read();
    if (image->isNull())
        return Text::tr("%1: cannot read this image (%2)").arg(path, reader.errorString());
    return QString();
}

}  // namespace

QStringList classNames(const QString &dir)
{
    const QDir folder(dir);
    return imageFiles(folder).isEmpty() ? classFolders(folder) : QStringList();
}

QString check(const QString &dir)
{
    if (dir.isEmpty())
        return Text::tr("no image folder is given; choose one");
    if (!QFileInfo(dir).isDir())
        return Text::tr("%1: folder not found").arg(dir);
    // Validation runs on every edit in the window: stop at the first image, never list them all.
    if (!QDirIterator(dir, kImagePatterns, QDir::Files).hasNext() && classFolders(QDir(dir)).isEmpty())
        return Text::tr("%1: holds no PNG, JPEG or BMP images, in itself or in subfolders (one per class)").arg(dir);
    return QString();
}

namespace {
// The images of the folder, relative to it, and their labels (empty for a flat folder).
QStringList listImages(const QString &dir, std::vector<int> *labels)
{
    const QDir folder(dir);
    const QStringList classes = classNames(dir);
    if (classes.isEmpty())
        return imageFiles(folder);
    QStringList files;
    for (int c = 0; c < classes.size(); ++c)
        for (const QString &name : imageFiles(QDir(folder.filePath(classes[c])))) {
            files << classes[c] + QLatin1Char('/') + name;
            labels->push_back(c);
        }
    return files;
}
}  // namespace

Probe probe(const QString &dir, QString *error, int samples)
{
    Probe p;
    if (QString e = check(dir); !e.isEmpty()) {
        *error = e;
        return p;
    }
    std::vector<int> labels;
    const QStringList files = listImages(dir, &labels);
    p.files = int(files.size());
    p.classes = int(classNames(dir).size());
    std::map<int, int> sides;
    const int n = std::min<int>(samples, p.files);
    for (int i = 0; i < n; ++i) {
        const QString path = QDir(dir).filePath(files[qsizetype(double(i) * p.files / n)]);
        QImage image;
        if (QString e = readImage(path, &image); !e.isEmpty()) {
            *error = e;
            return p;
        }
        ++sides[std::min(image.width(), image.height())];
        if (p.gray && !image.allGray())
            p.gray = false;
        ++p.looked;
    }
    p.mixedSizes = sides.size() > 1;
    int most = 0;
    for (const auto &[side, count] : sides)
        if (count > most) {
            most = count;
            p.side = side;
        }
    return p;
}

DatasetLoad load(const QString &dir, int size, bool grayscale, std::int64_t limit, const ProgressFn &progress,
                 std::int64_t memoryBudget)
{
    DatasetLoad result;
    if (QString e = check(dir); !e.isEmpty()) {
        result.error = e;
        return result;
    }
    const QDir folder(dir);
    // The images in the folder, or those of its class subfolders, labelled by class.
    std::vector<int> labels;
    QStringList files = listImages(dir, &labels);
    if (limit > 0 && files.size() > limit) {
        files = files.mid(0, limit);
        if (!labels.empty())
            labels.resize(size_t(limit));
    }
    auto data = std::make_shared<Dataset>();
    data->labels = std::move(labels);
    data->kind = Dataset::Kind::Images;
    data->source = dir;
    data->channels = grayscale ? 1 : 3;
    data->height = data->width = size;
    data->count = files.size();
    const size_t plane = size_t(size) * size_t(size);
    // Decoded images live in memory for the whole run: refuse what cannot fit before allocating.
    const double needed = double(plane) * data->channels * double(files.size());
    const double budget = double(memoryBudget >= 0 ? memoryBudget : memorybudget::availableBytes());
    constexpr double kDataShare = 0.8;  // the networks, their gradients and batches need the rest
    if (needed > kDataShare * budget) {
        result.error = Text::tr("%1: %2 images of %3x%4x%4 need %5 of memory, more than this process can use (%6); "
                                      "lower the image size or set a limit on the number of images")
                           .arg(dir).arg(files.size()).arg(data->channels).arg(size)
                           .arg(memorybudget::describe(needed), memorybudget::describe(budget));
        return result;
    }
    data->pixels.resize(plane * data->channels * files.size());
    for (qsizetype i = 0; i < files.size(); ++i) {
        const QString path = folder.filePath(files[i]);
        QImage image;
        if (const QString e = readImage(path, &image); !e.isEmpty()) {
            result.error = e;
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
