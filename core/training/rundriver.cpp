#include "rundriver.h"

#include "rundirectory.h"

#include <QCoreApplication>
#include <QFileInfo>

namespace {
// Messages a user reads: translated (context "RunDriver").
struct Text {
    Q_DECLARE_TR_FUNCTIONS(RunDriver)
};
}  // namespace

namespace runsetup {

QStringList problems(const ExperimentSpec &spec, ExperimentAnalysis *analysis)
{
    QString dataError;
    const ExperimentAnalysis a = ShapeInference::analyze(spec, datasets::sampleShape(spec.data, &dataError));
    QStringList out = a.problems;
    if (const QString labels = datasets::conditioningProblem(spec); !labels.isEmpty())
        out << labels;
    if (const QString device = Trainer::deviceProblem(spec.device); !device.isEmpty())
        out.prepend(device);
    else if (const QString precision = Trainer::precisionProblem(spec); !precision.isEmpty())
        out.prepend(precision);
    if (!dataError.isEmpty())
        out.prepend(dataError);
    if (analysis)
        *analysis = a;
    return out;
}

std::unique_ptr<Trainer> open(const ExperimentSpec &spec, const QString &checkpoint, const ProgressFn &progress, QString *error,
                              const OpenOptions &options)
{
    DatasetLoad loaded;
    if (options.withoutData)
        loaded.data = datasets::standIn(spec);
    else
        loaded = datasets::load(spec.data, spec.seed, progress);
    if (options.dataFailed)
        *options.dataFailed = !loaded.data;
    if (!loaded.data) {
        *error = loaded.error;
        return nullptr;
    }
    std::unique_ptr<Trainer> trainer = Trainer::create(spec, loaded.data, error);
    if (!trainer)
        return nullptr;
    if (!checkpoint.isEmpty()) {
        if (const QString e = trainer->loadCheckpoint(checkpoint, options.reshuffle, options.trainedOn); !e.isEmpty()) {
            *error = e;
            return nullptr;
        }
    }
    return trainer;
}

std::unique_ptr<Trainer> openFolder(const QString &dir, const ProgressFn &progress, QString *error, int threads,
                                    const OpenOptions &options)
{
    const RunDirectory run(dir);
    if (!QFileInfo::exists(run.checkpointPath())) {
        *error = Text::tr("%1: no checkpoint.pt here; is this a run folder written by 'train'?").arg(dir);
        return nullptr;
    }
    ExperimentSpec spec;
    if (const QString e = Trainer::readCheckpointSpec(run.checkpointPath(), &spec); !e.isEmpty()) {
        *error = e;
        return nullptr;
    }
    if (threads > 0)
        spec.threads = threads;
    if (!options.device.isEmpty())
        spec.device = options.device;
    return open(spec, run.checkpointPath(), progress, error, options);
}

}  // namespace runsetup

RunDriver::RunDriver(std::unique_ptr<Trainer> trainer, std::int64_t targetSteps)
    : m_trainer(std::move(trainer)), m_target(targetSteps), m_budgetAnnounced(m_trainer->currentStep() >= targetSteps)
{
    // A resumed run's clock goes on from its checkpoint: the steps before took their time too.
    for (const StepRecord &r : m_trainer->history())
        m_activeSeconds += r.seconds;
}

template <typename F>
bool RunDriver::timed(F work)
{
    m_timer.start();
    const bool ok = work();
    const double seconds = double(m_timer.nsecsElapsed()) / 1e9;
    m_activeSeconds += seconds;
    m_recentSeconds += seconds;
    return ok;
}

bool RunDriver::step(StepRecord *record, QString *error)
{
    return timed([&] { return m_trainer->step(record, error); });
}

bool RunDriver::substep(SubstepReport *report, QString *error)
{
    return timed([&] { return m_trainer->substep(report, error); });
}

bool RunDriver::budgetJustReached()
{
    if (m_budgetAnnounced || !budgetReached())
        return false;
    m_budgetAnnounced = true;
    return true;
}

double RunDriver::takeRecentSeconds()
{
    const double s = m_recentSeconds;
    m_recentSeconds = 0;
    return s;
}
