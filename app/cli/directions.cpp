#include "cli.h"

#include "eval/directionfinder.h"
#include "eval/latentdirections.h"
#include "eval/latentwalk.h"
#include "io/gifwriter.h"
#include "io/inputfile.h"
#include "training/generatorcopy.h"
#include "training/rundirectory.h"
#include "training/rundriver.h"
#include "training/sampleimage.h"

#include <QDir>
#include <QFileInfo>
#include <QImageReader>
#include <QRegularExpression>

#include <cmath>

// directions, walk and timeline: what the latent explorer finds and exports, without a window.
namespace cli {

namespace {
constexpr int kFrameWidth = 112;  // frames are enlarged to about this many pixels
constexpr qint64 kMaxGridBytes = qint64(64) << 20;  // an 8x8 grid of 64x64 RGB samples is under 1 MB

struct Found {
    std::shared_ptr<GeneratorCopy> generator;
    latentdirections::Result directions;
};

// The run's generator, and directions by `method` (or read from --directions FILE).
bool findDirections(const QCommandLineParser &parser, bool needDirections, Found *found, int *code)
{
    qint64 threads = 0, count = 10, samples = 0;
    if (!intOption(parser, QStringLiteral("threads"), 1, ExperimentSpec::kMaxThreads, &threads, code)
        || !intOption(parser, QStringLiteral("count"), 1, 512, &count, code)
        || !intOption(parser, QStringLiteral("samples"), 100, 10000000, &samples, code))
        return false;
    const QString methodName = parser.value(QStringLiteral("method")).isEmpty() ? QStringLiteral("sefa") : parser.value(QStringLiteral("method"));
    const std::optional<latentdirections::Method> method = latentdirections::methodFromKey(methodName);
    if (!method) {
        *code = usage(Text::tr("--method must be sefa, pca, random or class"));
        return false;
    }
    // Options a method does not use are refused rather than ignored.
    if (parser.isSet(QStringLiteral("layer")) && *method != latentdirections::Method::Pca) {
        *code = usage(Text::tr("--layer chooses the layer PCA analyses; it needs --method pca"));
        return false;
    }
    if (parser.isSet(QStringLiteral("samples")) && *method != latentdirections::Method::Pca && *method != latentdirections::Method::Class) {
        *code = usage(Text::tr("--samples is for --method pca or class"));
        return false;
    }
    QString error;
    // Only the class method needs the run's data (its classifier learns the classes): the
    // others sample the generator, so that a run whose data grew or is gone still has them.
    runsetup::OpenOptions open;
    open.withoutData = !(needDirections && !parser.isSet(QStringLiteral("directions")) && *method == latentdirections::Method::Class);
    if (!readDevice(parser, &open.device, code))
        return false;
    const std::unique_ptr<Trainer> trainer =
        runsetup::openFolder(parser.positionalArguments()[0], loadingProgress(), &error, int(threads), open);
    if (!trainer) {
        *code = fail(error);
        return false;
    }
    found->generator = trainer->copyGenerator();
    found->generator->setDevice(trainer->spec().device);  // the run's, or --device
    if (!needDirections)
        return true;
    const QString file = parser.isSet(QStringLiteral("directions")) ? parser.value(QStringLiteral("directions")) : QString();
    if (!file.isEmpty()) {
        found->directions = latentdirections::read(file);
        if (found->directions.ok() && found->directions.latentDim != found->generator->latentDim())
            found->directions.error = Text::tr("%1 holds directions of %2 latent values, but this run's latent size is %3")
                                          .arg(file).arg(found->directions.latentDim).arg(found->generator->latentDim());
        if (!found->directions.ok()) {
            *code = fail(found->directions.error);
            return false;
        }
        return true;
    }
    latentdirections::Options options;
    options.count = int(count);
    options.samples = int(samples);
    options.layer = parser.value(QStringLiteral("layer"));
    DirectionFinder finder(trainer->spec().data, trainer->spec().seed, trainer->sharedData());
    DirectionFinder::Progress progress;
    progress.loading = loadingProgress();
    progress.training = classifierProgress();
    progress.finding = percentProgress(Text::tr("finding %1 directions: %2%").arg(methodName, QStringLiteral("%1")));
    found->directions = finder.find(*found->generator, *method, options, false, progress, &interrupted).result;
    if (interrupted) {
        *code = interruptedExit();
        return false;
    }
    if (!found->directions.ok()) {
        *code = fail(found->directions.error);
        return false;
    }
    return true;
}

const QList<QCommandLineOption> &findingOptions()
{
    static const QList<QCommandLineOption> options{
        {QStringLiteral("method"), Text::tr("sefa (default), pca, random (the baseline) or class (labelled image data)."), QStringLiteral("M")},
        {QStringLiteral("count"), Text::tr("How many directions (default 10; class: one per class)."), QStringLiteral("K")},
        {QStringLiteral("layer"), Text::tr("pca: the generator layer id whose output is analysed (default: the first activation)."),
         QStringLiteral("ID")},
        {QStringLiteral("samples"), Text::tr("pca: random latent vectors (default 100000); class: labelled samples (default 5000)."),
         QStringLiteral("N")},
        {QStringLiteral("threads"), Text::tr("Intra-op threads (default: the run's)."), QStringLiteral("T")},
        deviceOption()};
    return options;
}

int frameScale(const GeneratorCopy &g, qint64 given)
{
    if (given > 0)
        return int(given);
    const int width = g.spec().data.imageSize > 0 ? g.spec().data.imageSize : 28;
    return std::max(1, kFrameWidth / width);
}
}  // namespace

int directions(const QStringList &args)
{
    QCommandLineParser parser;
    int code = kExitOk;
    QList<QCommandLineOption> options = findingOptions();
    options << QCommandLineOption(QStringLiteral("out"), Text::tr("The directions as FILE.json (for walk --directions)."), QStringLiteral("FILE"))
            << classOption(false) << forceOption();
    if (!parseOptions(parser, args, options, &code))
        return code;
    const QString outPath = parser.value(QStringLiteral("out"));
    if (parser.positionalArguments().size() != 1 || outPath.isEmpty())
        return usage(Text::tr("directions needs one RUN_DIR and --out FILE.json"));
    if (!outPath.endsWith(QLatin1String(".json"), Qt::CaseInsensitive))
        return usage(Text::tr("--out must end in .json"));
    if (!checkOutput(parser, outPath, filekind::Kind::Directions, &code))
        return code;
    Found found;
    if (!findDirections(parser, true, &found, &code))
        return code;
    const latentdirections::Result &r = found.directions;
    out() << Text::tr("%1 directions of the generator from step %2 (layer %3); effect: how much the samples change "
                      "(RMS, pixels 0..1) for one spread along it")
                 .arg(latentdirections::methodKey(r.method)).arg(r.step).arg(r.layer.isEmpty() ? QStringLiteral("-") : r.layer)
          << "\n";
    for (size_t i = 0; i < r.directions.size(); ++i)
        out() << QStringLiteral("  %1  effect %2\n").arg(latentdirections::label(r, int(i)), -40).arg(r.directions[i].effect, 0, 'f', 4);
    for (const QString &note : r.notes)
        out() << "  " << note << "\n";
    if (const QString e = latentdirections::write(outPath, r); !e.isEmpty())
        return fail(e);
    out() << Text::tr("wrote %1 directions to %2").arg(r.directions.size()).arg(outPath) << "\n";
    return kExitOk;
}

int walk(const QStringList &args)
{
    QCommandLineParser parser;
    int code = kExitOk;
    QList<QCommandLineOption> options = findingOptions();
    options << QCommandLineOption(QStringLiteral("directions"), Text::tr("Directions from FILE.json (written by directions) instead of finding them."),
                                  QStringLiteral("FILE"))
            << QCommandLineOption(QStringLiteral("direction"), Text::tr("Sweep along direction K (1 = the first)."), QStringLiteral("K"))
            << QCommandLineOption(QStringLiteral("between"), Text::tr("Interpolate between samples A and B of the run's fixed sample grid instead."),
                                  QStringLiteral("A,B"))
            << QCommandLineOption(QStringLiteral("spherical"), Text::tr("With --between: along the great circle (default: a straight line)."))
            << QCommandLineOption(QStringLiteral("sample"), Text::tr("The sweep starts from this sample of the run's fixed grid (default 1)."),
                                  QStringLiteral("I"))
            << QCommandLineOption(QStringLiteral("range"), Text::tr("Sweep from -R to R spreads (default 5 for sefa, else 3)."), QStringLiteral("R"))
            << QCommandLineOption(QStringLiteral("frames"), Text::tr("Frames of the walk (default 60)."), QStringLiteral("N"))
            << QCommandLineOption(QStringLiteral("loop"), Text::tr("There and back, so the animation repeats without a jump."))
            << QCommandLineOption(QStringLiteral("grid"), Text::tr("Instead of an animation: a PNG of ROWS samples (rows) x --frames steps."),
                                  QStringLiteral("ROWS"))
            << QCommandLineOption(QStringLiteral("scale"), Text::tr("Enlarge each sample this many times (default: to about 112 pixels)."),
                                  QStringLiteral("X"))
            << QCommandLineOption(QStringLiteral("delay"), Text::tr("Milliseconds per frame (default 80)."), QStringLiteral("MS"))
            << QCommandLineOption(QStringLiteral("out"), Text::tr("FILE.gif, or FILE.png for numbered PNG frames (or the grid)."), QStringLiteral("FILE"))
            << classOption(false) << forceOption();
    if (!parseOptions(parser, args, options, &code))
        return code;
    const QString outPath = parser.value(QStringLiteral("out"));
    const bool between = parser.isSet(QStringLiteral("between"));
    const bool grid = parser.isSet(QStringLiteral("grid"));
    if (parser.positionalArguments().size() != 1 || outPath.isEmpty() || between == parser.isSet(QStringLiteral("direction")))
        return usage(Text::tr("walk needs one RUN_DIR, --out FILE and either --direction K or --between A,B"));
    if (!outPath.endsWith(QLatin1String(".gif"), Qt::CaseInsensitive) && !outPath.endsWith(QLatin1String(".png"), Qt::CaseInsensitive))
        return usage(Text::tr("--out must end in .gif or .png"));
    if (grid && (between || !outPath.endsWith(QLatin1String(".png"), Qt::CaseInsensitive)))
        return usage(Text::tr("--grid sweeps a --direction into one FILE.png"));
    qint64 direction = 1, frames = grid ? 11 : 60, sample = 1, rows = 5, scale = 0, delay = 80;
    if (!intOption(parser, QStringLiteral("direction"), 1, 512, &direction, &code) || !intOption(parser, QStringLiteral("frames"), 2, 2000, &frames, &code)
        || !intOption(parser, QStringLiteral("sample"), 1, 4096, &sample, &code) || !intOption(parser, QStringLiteral("grid"), 1, 64, &rows, &code)
        || !intOption(parser, QStringLiteral("scale"), 1, 32, &scale, &code) || !intOption(parser, QStringLiteral("delay"), 20, 10000, &delay, &code))
        return code;
    double range = parser.value(QStringLiteral("method")) == QLatin1String("sefa") || parser.value(QStringLiteral("method")).isEmpty() ? 5 : 3;
    if (parser.isSet(QStringLiteral("range"))) {
        bool ok = false;
        range = parser.value(QStringLiteral("range")).toDouble(&ok);
        if (!ok || !std::isfinite(range) || range <= 0 || range > 20)
            return usage(Text::tr("--range needs a number above 0 and at most 20"));
    }
    std::vector<int> ends;
    if (between) {
        const QStringList parts = parser.value(QStringLiteral("between")).split(QLatin1Char(','));
        for (const QString &p : parts)
            ends.push_back(p.toInt() - 1);
        if (parts.size() != 2 || ends[0] < 0 || ends[1] < 0)
            return usage(Text::tr("--between needs two sample numbers, as in --between 1,7"));
    }

    // Every file the walk writes: one GIF or grid, or a PNG per frame.
    const QStringList outputs = grid || outPath.endsWith(QLatin1String(".gif"), Qt::CaseInsensitive)
                                    ? QStringList{outPath}
                                    : latentwalk::framePaths(outPath, int(frames));
    for (const QString &output : outputs)
        if (!checkOutput(parser, output, filekind::Kind::Image, &code))
            return code;

    Found found;
    if (!findDirections(parser, !between, &found, &code))
        return code;
    GeneratorCopy &g = *found.generator;
    if (g.spec().isTwoDimensional())
        return fail(Text::tr("walks are exported for image runs; this run makes 2D points"));
    std::vector<int> asked;
    if (!readClasses(parser, g.spec(), false, &asked, &code))
        return code;
    latentwalk::Walk w;
    w.frames = int(frames);
    w.loop = parser.isSet(QStringLiteral("loop"));
    const int gridSamples = int(g.evalLatents().size()) / std::max(1, g.latentDim());
    auto evalLatent = [&](int index, std::vector<float> *z) {
        *z = g.evalLatent(index);
        if (z->empty()) {
            code = usage(Text::tr("the run's fixed sample grid has %1 samples").arg(gridSamples));
            return false;
        }
        return true;
    };
    const latentdirections::Result &r = found.directions;
    if (between) {
        w.kind = parser.isSet(QStringLiteral("spherical")) ? latentwalk::Kind::Spherical : latentwalk::Kind::Linear;
        if (!evalLatent(ends[0], &w.a) || !evalLatent(ends[1], &w.b))
            return code;
    } else {
        if (direction > qint64(r.directions.size()))
            return usage(Text::tr("--direction %1: there are %2 directions").arg(direction).arg(r.directions.size()));
        w.kind = latentwalk::Kind::Sweep;
        w.direction = r.directions[size_t(direction - 1)].vector;
        w.spread = r.spread;
        w.from = -range;
        w.to = range;
        if (!evalLatent(int(sample - 1), &w.origin))
            return code;
    }
    std::vector<float> latents;
    int count = 0, columns = 1;
    if (grid) {
        std::vector<float> origins;
        for (int i = 0; i < rows; ++i) {
            std::vector<float> z;
            if (!evalLatent(int(sample - 1) + i, &z))
                return code;
            origins.insert(origins.end(), z.begin(), z.end());
        }
        latents = latentwalk::sweepGrid(origins, int(rows), w.direction, -range, range, w.spread, int(frames));
        count = int(rows * frames);
        columns = int(frames);
    } else {
        latents = latentwalk::latents(w);
        count = w.frames;
    }
    // A conditional run draws every frame as one class: the one asked, else that of the grid
    // sample the walk starts from.
    const int startSample = between ? ends[0] : int(sample - 1);
    const int label = !asked.empty() ? asked.front()
                      : size_t(startSample) < g.evalLabels().size() ? g.evalLabels()[size_t(startSample)] : 0;
    QString error;
    const SampleBatch samples =
        latentwalk::render(g, latents, count, percentProgress(Text::tr("rendering %1%")), &interrupted, &error, label);
    if (interrupted)
        return interruptedExit();
    if (samples.count == 0)
        return fail(error);
    const int enlarge = frameScale(g, scale);
    if (grid) {
        if (const QString e = sampleimage::savePng(latentwalk::tile(samples, columns, enlarge), outPath); !e.isEmpty())
            return fail(e);
        out() << Text::tr("wrote a grid of %1 samples x %2 steps (-%3 to %3 spreads along %4) to %5")
                     .arg(rows).arg(frames).arg(range).arg(latentdirections::label(r, int(direction - 1)), outPath)
              << "\n";
        return kExitOk;
    }
    if (const QString e = latentwalk::writeFrames(outPath, latentwalk::frames(samples, enlarge), int(delay), &interrupted); !e.isEmpty())
        return interrupted ? interruptedExit() : fail(e);
    const QString what = between ? Text::tr("samples %1 to %2").arg(ends[0] + 1).arg(ends[1] + 1) : latentdirections::label(r, int(direction - 1));
    if (outPath.endsWith(QLatin1String(".gif"), Qt::CaseInsensitive))
        out() << Text::tr("wrote %1 frames (%2) to %3").arg(samples.count).arg(what, outPath) << "\n";
    else
        out() << Text::tr("wrote %1 frames (%2) to %3 ... %4")
                     .arg(samples.count).arg(what, latentwalk::framePaths(outPath, 1).front(), latentwalk::framePaths(outPath, samples.count).back())
              << "\n";
    return kExitOk;
}

int timeline(const QStringList &args)
{
    QCommandLineParser parser;
    int code = kExitOk;
    if (!parseOptions(parser, args,
                      {{QStringLiteral("out"), Text::tr("FILE.gif."), QStringLiteral("FILE")},
                       {QStringLiteral("delay"), Text::tr("Milliseconds per frame (default 150)."), QStringLiteral("MS")},
                       {QStringLiteral("scale"), Text::tr("Enlarge the grids this many times (default 1)."), QStringLiteral("X")},
                       forceOption()},
                      &code))
        return code;
    const QString outPath = parser.value(QStringLiteral("out"));
    if (parser.positionalArguments().size() != 1 || !outPath.endsWith(QLatin1String(".gif"), Qt::CaseInsensitive))
        return usage(Text::tr("timeline needs one RUN_DIR and --out FILE.gif"));
    qint64 delay = 150, scale = 1;
    if (!intOption(parser, QStringLiteral("delay"), 20, 10000, &delay, &code) || !intOption(parser, QStringLiteral("scale"), 1, 16, &scale, &code))
        return code;
    if (!checkOutput(parser, outPath, filekind::Kind::Image, &code))
        return code;
    const RunDirectory run(parser.positionalArguments()[0]);
    const QStringList files = QDir(run.samplesDir()).entryList({QStringLiteral("step_*.png")}, QDir::Files, QDir::Name);
    if (files.isEmpty())
        return fail(Text::tr("%1 holds no sample grids (samples/step_*.png); train with sample_every set").arg(run.samplesDir()));
    std::vector<QImage> frames;
    for (int i = 0; i < files.size(); ++i) {
        if (interrupted)
            return interruptedExit();
        // Only the run's own grids: a link or a device among them (/dev/zero) would be read without end.
        const QString file = QDir(run.samplesDir()).filePath(files[i]);
        if (const QString e = inputfile::check(file, Text::tr("a sample grid (PNG)"), kMaxGridBytes); !e.isEmpty())
            return fail(e);
        if (QFileInfo(file).isSymLink())
            return fail(Text::tr("%1: is a symbolic link; the timeline reads only the run's own grids").arg(file));
        QImageReader reader(file);
        QImage image = reader.read();
        if (image.isNull())
            return fail(Text::tr("%1: cannot read (%2)").arg(reader.fileName(), reader.errorString()));
        frames.push_back(image.scaled(image.size() * int(scale), Qt::IgnoreAspectRatio, Qt::FastTransformation));
        percentProgress(Text::tr("reading the grids %1%"))(double(i + 1) / files.size());
    }
    if (const QString e = gifwriter::write(outPath, frames, int(delay)); !e.isEmpty())
        return fail(e);
    out() << Text::tr("wrote %1 grids (%2 to %3) to %4").arg(frames.size()).arg(files.front(), files.back(), outPath) << "\n";
    return kExitOk;
}

}  // namespace cli
