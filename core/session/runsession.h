#pragma once

#include "eval/evalclassifier.h"
#include "eval/lab2d.h"
#include "eval/qualityrenderer.h"
#include "spec/experimentspec.h"
#include "training/discriminatorcopy.h"
#include "training/generatorcopy.h"
#include "training/steprecord.h"

#include <QObject>

#include <memory>

class BackgroundJob;
class DirectionFinder;
class LabRenderer;
class LatentRenderer;
class TrainingController;
struct TrainingSnapshot;

// Everything that lives as long as one run: its newest network copies, the renderers that draw
// from them (the live grid, the latent explorer, the 2D lab), the image measures, the direction
// finder and the background jobs (finding directions, exports). Views show what it emits and
// ask it for work; they keep nothing of a run themselves. A new run (or document) replaces the
// session whole: the old one's threads stop with it and nothing it computed reaches a view
// afterwards, so no view can show a stale run.
class RunSession : public QObject {
    Q_OBJECT
public:
    // Follows `training`'s run of `spec` from now on.
    RunSession(const ExperimentSpec &spec, TrainingController *training, QObject *parent = nullptr);
    ~RunSession() override;  // stops every thread of the run and waits for them

    const ExperimentSpec &spec() const { return m_spec; }
    bool isImageRun() const { return !m_spec.isTwoDimensional(); }
    std::shared_ptr<GeneratorCopy> generator() const { return m_generator; }  // the newest; null before the first
    std::shared_ptr<const Dataset> data() const { return m_data; }            // null until loaded

    // The explorer's renders (on channels it asks for), its direction finding and its exports.
    LatentRenderer *renderer() const { return m_renderer; }
    BackgroundJob *finder() const { return m_finder; }
    BackgroundJob *exporter() const { return m_exporter; }
    // For the finder's jobs only (one thread at a time). Replaced by one that knows the labels
    // when the run's data have loaded (class directions).
    std::shared_ptr<DirectionFinder> directionFinder() const { return m_directions; }

    // A frame of the 2D lab from the newest copies of both networks (when they are of one step).
    void requestLabFrame(const lab2d::Request &request);
    // The image measures: every `steps` steps (0: never). A change measures the newest copy.
    void setQualityInterval(int steps);
    // Modest measures take at most about a twentieth of a core, at the lowest priority; tests
    // and benchmarks that wait for figures turn that off.
    void setModestMeasures(bool modest);
    int qualityMeasurementCount() const;

signals:
    void dataLoaded();  // data() is set
    void generatorChanged(std::shared_ptr<GeneratorCopy> generator);
    void gridRendered(qint64 step, const SampleBatch &samples);  // the live grid, from the fixed noise
    void labCopiesChanged();  // a view that shows the lab asks for a frame
    void labFrame(const lab2d::Frame &frame);
    void labFailed(const QString &message);
    void qualityPreparing(double fraction);
    void qualityReady(const EvalClassifier::Info &network);
    void qualityMeasured(const QualityRenderer::Measurement &measurement);
    // A resumed run's measures, saved with its checkpoint (before any new one).
    void qualityRestored(const std::vector<QualityRecord> &records);
    void qualityFailed(const QString &message);
    // The image measures' thread started (true) or ended (false) a job: a front end that shares
    // the machine with the run may give it a core meanwhile (ThreadPolicy::setBackgroundWork).
    void qualityWorking(bool busy);

private:
    void onSnapshot(const TrainingSnapshot &snapshot);
    void onGenerator(std::shared_ptr<GeneratorCopy> g);
    void requestQuality();

    ExperimentSpec m_spec;
    std::shared_ptr<const Dataset> m_data;
    std::shared_ptr<GeneratorCopy> m_generator;
    std::shared_ptr<DiscriminatorCopy> m_discriminator;
    std::shared_ptr<DirectionFinder> m_directions;
    int m_qualityInterval = 0;
    qint64 m_qualityStep = -1;  // the step last sent to be measured
    bool m_qualityStarted = false;
    // Children: their threads stop when the session goes.
    LatentRenderer *m_renderer;
    LabRenderer *m_lab;
    QualityRenderer *m_quality;
    BackgroundJob *m_finder;
    BackgroundJob *m_exporter;
    const int m_gridChannel;
};
