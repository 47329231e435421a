#include "cli.h"

#include "training/rundriver.h"
#include "io/memorybudget.h"
#include "training/samplefiles.h"

namespace cli {

int sample(const QStringList &args)
{
    QCommandLineParser parser;
    int code = kExitOk;
    if (!parseOptions(parser, args,
                      {{QStringLiteral("count"), Text::tr("How many samples."), QStringLiteral("N")},
                       {QStringLiteral("out"), Text::tr("FILE.idx, FILE.png, FILE.csv (2D) or FILE.npy (the raw outputs as floats)."), QStringLiteral("FILE")},
                       {QStringLiteral("seed"), Text::tr("Noise seed (default 0)."), QStringLiteral("S")},
                       classOption(true),
                       deviceOption(),
                       forceOption()},
                      &code))
        return code;
    if (parser.positionalArguments().size() != 1)
        return usage(Text::tr("sample needs one RUN_DIR"));
    qint64 count = 0, seed = 0;
    if (!intOption(parser, QStringLiteral("count"), 1, kNoLimit, &count, &code)
        || !intOption(parser, QStringLiteral("seed"), 0, kMaxSeed, &seed, &code))
        return code;
    const QString outPath = parser.value(QStringLiteral("out"));
    if (count < 1 || outPath.isEmpty())
        return usage(Text::tr("sample needs --count N and --out FILE"));
    if (samplefiles::format(outPath).isEmpty())
        return usage(Text::tr("--out must end in .idx, .png, .csv or .npy"));
    constexpr qint64 kMaxSamples = 10000000;
    if (count > kMaxSamples)
        return usage(Text::tr("--count is limited to %1").arg(kMaxSamples));
    const QString format = samplefiles::format(outPath);
    const bool raw = format == QLatin1String("npy");  // the floats as they are, not only the image bytes
    const filekind::Kind kind = format == QLatin1String("idx")   ? filekind::Kind::Idx
                                : format == QLatin1String("png") ? filekind::Kind::Image
                                : format == QLatin1String("npy") ? filekind::Kind::Other
                                                                 : filekind::Kind::Points;
    if (!checkOutput(parser, outPath, kind, &code))
        return code;

    QString error;
    // Sampling needs the generator, not the data: a run whose data grew or is gone samples too.
    runsetup::OpenOptions open;
    open.withoutData = true;
    if (!readDevice(parser, &open.device, &code))
        return code;
    std::unique_ptr<Trainer> trainer = runsetup::openFolder(parser.positionalArguments()[0], {}, &error, 0, open);
    if (!trainer)
        return fail(error);
    std::vector<int> classes;
    if (!readClasses(parser, trainer->spec(), true, &classes, &code))
        return code;
    const qint64 total = count * qint64(std::max<size_t>(1, classes.size()));
    if (total > kMaxSamples)
        return usage(Text::tr("--count is limited to %1").arg(kMaxSamples / qint64(std::max<size_t>(1, classes.size()))));
    // What the samples will take in memory, from one of them, before any is made: the samples
    // themselves and what the file format builds from them (IDX a reordered copy, PNG the grid,
    // CSV its text).
    const SampleBatch one = trainer->sample(1, std::uint64_t(seed));
    const double perSample = one.isImages() ? double(one.channels) * one.height * one.width : 2.0 * sizeof(float);
    // .npy keeps each value as a float beside the bytes, and its file is another copy of them.
    const double extra = format == QLatin1String("npy")   ? 2.0 * sizeof(float) * (one.isImages() ? perSample : 2.0)
                         : format == QLatin1String("idx") ? perSample
                         : format == QLatin1String("png") ? (one.isImages() ? 3.0 * (one.height + 2) * (one.width + 2) : 0.0)
                                                          : 32.0;
    const double needed = double(total) * (perSample + extra);
    const double budget = double(memorybudget::availableBytes());
    if (needed > 0.8 * budget)
        return fail(Text::tr("%1 samples need about %2 of memory, more than the %3 this process can use; ask for at most %4")
                        .arg(total)
                        .arg(memorybudget::describe(needed), memorybudget::describe(budget))
                        .arg(qint64(0.8 * budget / (perSample + extra)) / qint64(std::max<size_t>(1, classes.size()))));
    if (classes.empty()) {
        const SampleBatch batch = trainer->sample(int(count), std::uint64_t(seed), &interrupted, -1, raw);
        if (interrupted)
            return interruptedExit();
        if (const QString e = samplefiles::write(batch, outPath); !e.isEmpty())
            return fail(e);
        out() << Text::tr("wrote %1 samples to %2").arg(batch.count).arg(outPath) << "\n";
        return kExitOk;
    }
    // Class by class from the same seed: sample i of every class has the same noise, so a PNG
    // grid shows one class per row and one z per column.
    SampleBatch batch;
    std::vector<int> labels;
    for (int label : classes) {
        const SampleBatch part = trainer->sample(int(count), std::uint64_t(seed), &interrupted, label, raw);
        if (interrupted)
            return interruptedExit();
        if (batch.count == 0) {
            batch = part;
        } else {
            batch.count += part.count;
            batch.pixels.insert(batch.pixels.end(), part.pixels.begin(), part.pixels.end());
            batch.points.insert(batch.points.end(), part.points.begin(), part.points.end());
            batch.values.insert(batch.values.end(), part.values.begin(), part.values.end());
        }
        labels.insert(labels.end(), size_t(part.count), label);
    }
    constexpr qint64 kMaxRowWidth = 32;
    const int columns = classes.size() > 1 && count <= kMaxRowWidth ? int(count) : 0;
    if (const QString e = samplefiles::write(batch, outPath, labels, columns); !e.isEmpty())
        return fail(e);
    out() << (classes.size() == 1 ? Text::tr("wrote %1 samples of class %2 to %3").arg(batch.count).arg(classes[0]).arg(outPath)
                                  : Text::tr("wrote %1 samples of each of %2 classes to %3").arg(count).arg(classes.size()).arg(outPath))
          << "\n";
    if (samplefiles::format(outPath) == QLatin1String("idx"))
        out() << Text::tr("their labels: %1").arg(samplefiles::labelsPath(outPath)) << "\n";
    return kExitOk;
}

}  // namespace cli
