#include "comparedruns.h"

#include "eval/pointmeasures.h"
#include "spec/specjson.h"
#include "training/rundirectory.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace comparedruns {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(comparedruns)
};

bool isRunFolder(const QString &folder)
{
    return QFileInfo::exists(QDir(folder).filePath(QStringLiteral("metrics.csv")))
        && QFileInfo::exists(QDir(folder).filePath(QStringLiteral("experiment.json")));
}

QString readOne(const QString &folder, const QString &name, std::vector<ComparedRun> *runs)
{
    ComparedRun run;
    run.name = name;
    run.folder = QFileInfo(folder).absoluteFilePath();
    const specjson::ParseResult parsed = specjson::fromFile(RunDirectory(folder).experimentPath());
    if (!parsed.ok())
        return parsed.errors.join(QLatin1Char('\n'));
    run.spec = parsed.spec;
    if (!sweep::readMetrics(folder, &run.steps, &run.quality))
        return Text::tr("%1: cannot read its metrics.csv").arg(folder);
    run.figures = sweep::readRun(folder);
    run.lastGrid = lastGrid(folder);
    for (const pointmeasures::Row &r : pointmeasures::read(folder))
        if (r.modesCaptured >= 0)
            run.modes.emplace_back(double(r.step), double(r.modesCaptured));
    runs->push_back(std::move(run));
    return QString();
}

}  // namespace

QImage lastGrid(const QString &folder)
{
    const QStringList pictures =
        QDir(RunDirectory(folder).samplesDir()).entryList({QStringLiteral("step_*.png")}, QDir::Files, QDir::Name);
    return pictures.isEmpty() ? QImage() : QImage(QDir(RunDirectory(folder).samplesDir()).filePath(pictures.last()));
}

QString read(const QString &folder, std::vector<ComparedRun> *runs)
{
    if (!QFileInfo(folder).isDir())
        return Text::tr("%1: not a folder").arg(folder);
    if (isRunFolder(folder)) {
        // One run of a sweep is named as the sweep names it: its combination and seed.
        QDir combination(QFileInfo(folder).absoluteFilePath());
        const QString seed = combination.dirName();
        const bool inSweep = combination.cdUp() && QFileInfo::exists(sweep::planPath(QFileInfo(combination.absolutePath()).absolutePath()));
        return readOne(folder, inSweep ? combination.dirName() + QLatin1Char('/') + seed : seed, runs);
    }
    std::vector<ComparedRun> found;
    sweep::Plan plan;
    if (QFileInfo::exists(sweep::planPath(folder))) {
        if (const QString e = sweep::readPlan(folder, &plan); !e.isEmpty())
            return e;
        QStringList errors;
        for (const sweep::Combination &c : sweep::combinations(plan, &errors))
            for (std::uint64_t seed : plan.seeds) {
                const QString run = sweep::runFolder(folder, c, seed);
                if (isRunFolder(run))
                    if (const QString e = readOne(run, QStringLiteral("%1/seed-%2").arg(c.folder).arg(seed), &found); !e.isEmpty())
                        return e;
            }
    } else {
        for (const QString &sub : QDir(folder).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
            const QString run = QDir(folder).filePath(sub);
            if (isRunFolder(run))
                if (const QString e = readOne(run, sub, &found); !e.isEmpty())
                    return e;
        }
    }
    if (found.empty())
        return Text::tr("%1 holds no run: a run folder has experiment.json and metrics.csv (gan-playground-cli train or "
                        "sweep writes them)")
            .arg(folder);
    for (ComparedRun &r : found)
        runs->push_back(std::move(r));
    return QString();
}

void refresh(ComparedRun *run)
{
    sweep::RunFigures fresh;
    fresh.folder = run->folder;
    sweep::summarise(run->steps, &fresh);
    for (const auto &[key, value] : run->figures.figures)
        fresh.figures.emplace(key, value);  // the measured ones stay; the training's are new
    fresh.measured = run->figures.measured;
    fresh.measuredStep = run->figures.measuredStep;
    fresh.exists = run->figures.exists;
    run->figures = fresh;
}

}  // namespace comparedruns
