#include "pytorchexport.h"

#include "pytorchscript.h"

#include "data/idxfile.h"
#include "io/filekind.h"
#include "io/atomicfile.h"
#include "training/rundriver.h"
#include "training/trainer.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace {
// Messages a user reads: translated (context "PyTorchExport").
struct Text {
    Q_DECLARE_TR_FUNCTIONS(PyTorchExport)
};

// The script's first lines say what it is (pytorchscript::script): an exported script may be replaced.
constexpr char kScriptMark[] = "exported from GAN Playground as a PyTorch script";

QString beside(const QString &scriptPath, const QString &suffix)
{
    const QFileInfo info(scriptPath);
    QString stem = info.fileName();
    if (stem.endsWith(QLatin1String(".py"), Qt::CaseInsensitive))
        stem.chop(3);
    return info.dir().filePath(stem + suffix);
}

QByteArray pointsCsv(const Dataset &data)
{
    // "x,y,label" lines without a header: the program's own CSV reader takes the file too.
    QByteArray text;
    text.reserve(int(data.count) * 28);
    const bool labelled = std::int64_t(data.labels.size()) == data.count;
    for (std::int64_t i = 0; i < data.count; ++i) {
        // 9 significant digits: every float reads back as the same float.
        text += QByteArray::number(data.points[size_t(2 * i)], 'g', 9) + ',' + QByteArray::number(data.points[size_t(2 * i + 1)], 'g', 9)
            + ',' + QByteArray::number(labelled ? data.labels[size_t(i)] : 0) + '\n';
    }
    return text;
}
// Whether `path` holds nothing, or what an export writes there (so replacing it loses nothing of
// anyone's): a script or weights by their own marks, points and IDX data by their kind.
bool replaceable(const QString &path)
{
    const filekind::Kind kind = filekind::of(path);
    if (kind == filekind::Kind::None)
        return true;
    if (path.endsWith(QLatin1String(".csv")))
        return kind == filekind::Kind::Points;
    if (path.endsWith(QLatin1String(".idx")))
        return kind == filekind::Kind::Idx;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return false;
    if (path.endsWith(QLatin1String(".safetensors"))) {
        const QByteArray length = f.read(8);
        quint64 n = 0;
        for (int i = length.size() - 1; i >= 0; --i)
            n = (n << 8) | quint8(length[i]);
        return length.size() == 8 && n <= quint64(f.size()) && f.read(qint64(n)).contains("gan-playground-pytorch-weights");
    }
    return f.read(512).contains(kScriptMark);
}
}  // namespace

namespace pytorchexport {

QString pointsPath(const QString &scriptPath) { return beside(scriptPath, QStringLiteral("-points.csv")); }
QString imagesPath(const QString &scriptPath) { return beside(scriptPath, QStringLiteral("-images.idx")); }
QString labelsPath(const QString &scriptPath) { return beside(scriptPath, QStringLiteral("-labels.idx")); }
QString weightsPath(const QString &scriptPath) { return beside(scriptPath, QStringLiteral("-weights.safetensors")); }

QStringList outputs(const ExperimentSpec &spec, const QString &scriptPath, bool withWeights)
{
    QStringList files{scriptPath};
    switch (pytorchscript::dataBeside(spec.data)) {
    case pytorchscript::DataBeside::None:
        break;
    case pytorchscript::DataBeside::Points:
        files << pointsPath(scriptPath);
        break;
    case pytorchscript::DataBeside::Images:
        files << imagesPath(scriptPath) << labelsPath(scriptPath);
        break;
    }
    if (withWeights)
        files << weightsPath(scriptPath);
    return files;
}

QString write(const ExperimentSpec &given, const QString &scriptPath, const Trainer *run, const QString &runFolder,
              QStringList *written, const ProgressFn &progress, bool replaceAnything)
{
    ExperimentSpec spec = run ? run->spec() : given;
    spec.generator.assignMissingIds(QStringLiteral("g"));
    spec.discriminator.assignMissingIds(QStringLiteral("d"));
    if (const QStringList problems = runsetup::problems(spec); !problems.isEmpty())
        return Text::tr("the experiment cannot train, so there is nothing to export yet:\n%1").arg(problems.join(QLatin1Char('\n')));
    for (const QString &file : outputs(spec, scriptPath, run != nullptr)) {
        if (const QString e = atomicfile::checkTarget(file); !e.isEmpty())
            return e;
        if (!replaceAnything && !replaceable(file))
            return Text::tr("%1: already holds a file this program did not export; choose another file name, or add --force to "
                            "replace it")
                .arg(file);
    }

    pytorchscript::Options options;
    options.scriptName = QFileInfo(scriptPath).fileName();
    QString error;
    options.dataShape = datasets::sampleShape(spec.data, &error);
    if (options.dataShape.empty())
        return error;

    // The data the program makes or decodes itself, as it has it.
    const pytorchscript::DataBeside besides = pytorchscript::dataBeside(spec.data);
    if (besides != pytorchscript::DataBeside::None) {
        const DatasetLoad load = datasets::load(spec.data, spec.seed, progress);
        if (!load.data)
            return load.error;
        const Dataset &data = *load.data;
        if (besides == pytorchscript::DataBeside::Points) {
            options.pointsFile = QFileInfo(pointsPath(scriptPath)).fileName();
            if (const QString e = atomicfile::write(pointsPath(scriptPath), pointsCsv(data), Text::tr("points file")); !e.isEmpty())
                return e;
            written->append(pointsPath(scriptPath));
        } else {
            options.imagesFile = QFileInfo(imagesPath(scriptPath)).fileName();
            std::vector<std::int64_t> dims{data.count};
            if (data.channels != 1)
                dims.push_back(data.channels);
            dims.push_back(data.height);
            dims.push_back(data.width);
            if (const QString e = idxfile::write(imagesPath(scriptPath), dims, data.pixels); !e.isEmpty())
                return e;
            written->append(imagesPath(scriptPath));
            if (std::int64_t(data.labels.size()) == data.count && data.count > 0) {
                std::vector<std::uint8_t> labels;
                labels.reserve(data.labels.size());
                for (int label : data.labels) {
                    if (label < 0 || label > 255)
                        return Text::tr("%1: class %2 does not fit an IDX labels file (0 to 255)").arg(spec.data.path).arg(label);
                    labels.push_back(std::uint8_t(label));
                }
                options.labelsFile = QFileInfo(labelsPath(scriptPath)).fileName();
                if (const QString e = idxfile::write(labelsPath(scriptPath), {data.count}, labels); !e.isEmpty())
                    return e;
                written->append(labelsPath(scriptPath));
            }
        }
    }
    if (run) {
        if (const QString e = run->exportWeights(weightsPath(scriptPath)); !e.isEmpty())
            return e;
        written->append(weightsPath(scriptPath));
        options.weightsFile = QFileInfo(weightsPath(scriptPath)).fileName();
        options.weightsStep = run->currentStep();
        options.runFolder = runFolder;
    }
    const QString text = pytorchscript::script(spec, options);
    if (const QString e = atomicfile::write(scriptPath, text.toUtf8(), Text::tr("PyTorch script")); !e.isEmpty())
        return e;
    written->prepend(scriptPath);
    return QString();
}

QString writeFromCheckpoint(const QString &checkpoint, const QString &scriptPath, const QString &runName, QStringList *written,
                            const ProgressFn &progress)
{
    ExperimentSpec spec;
    if (const QString e = Trainer::readCheckpointSpec(checkpoint, &spec); !e.isEmpty())
        return e;
    runsetup::OpenOptions open;
    open.withoutData = true;  // the weights need no data; the data files beside are loaded by write()
    QString error;
    const std::unique_ptr<Trainer> run = runsetup::open(spec, checkpoint, {}, &error, open);
    if (!run)
        return error;
    return write(spec, scriptPath, run.get(), runName, written, progress);
}

}  // namespace pytorchexport
