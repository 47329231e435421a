#pragma once

#include "data/dataset.h"
#include "eval/latentdirections.h"
#include "eval/latentwalk.h"
#include "spec/experimentspec.h"
#include "training/generatorcopy.h"
#include "training/steprecord.h"

#include <QElapsedTimer>
#include <QImage>
#include <QPointer>
#include <QWidget>

#include <functional>
#include <map>
#include <memory>
#include <vector>

class LatentRenderer;
class RunSession;
class QComboBox;
class QGridLayout;
class QLabel;
class QProgressBar;
class QPushButton;
class QSlider;
class QSpinBox;

// Explores the latent space of the newest generator the run published: pick a sample (click
// it in the grid) or draw a random z, and drag sliders; the image follows. The sliders move
// either the first latent dimensions (each -3..3) or z along directions found in the
// generator (SeFa, PCA, class boundaries, a random baseline, or the directions saved with the
// experiment), in spreads of the prior. Interpolate between two chosen vectors, linearly or
// along the great circle, as a strip; export a walk (GIF or PNG frames) or a samples x steps
// grid. A view of the run's session (core's RunSession): rendering happens on its renderer's
// thread (only the newest request is rendered), finding directions and exports on its threads,
// with progress.
class LatentExplorer : public QWidget {
    Q_OBJECT
public:
    // What the sliders move.
    enum class Mode { Dimensions, Sefa, Pca, Random, Class, Saved };

    explicit LatentExplorer(QWidget *parent = nullptr);
    ~LatentExplorer() override;

    // Shows the run of `session` (null: none): everything of the previous run is cleared.
    void setSession(RunSession *session);
    void setRealPoints(const std::vector<float> &points);  // 2D data: drawn under the samples
    // Intra-op threads for finding directions and exports (1 while training has the other core).
    void setBackgroundThreads(int threads) { m_threads = threads; }

    void pickSample(int index);  // the latent vector of the live grid's sample `index`
    void randomize();
    void reset();  // back to the vector last picked or drawn, every slider at 0
    void setLatent(const std::vector<float> &z);
    const std::vector<float> &latent() const { return m_z; }
    void setSliderCount(int count);
    int sliderCount() const { return int(m_sliders.size()); }
    QSlider *slider(int i) const { return m_sliders[size_t(i)]; }
    QString sliderName(int i) const;
    void setEndpoint(int which, const std::vector<float> &z);  // 0 = A, 1 = B
    void setSpherical(bool spherical);

    // Directions. Switching mode finds SeFa and random directions at once; PCA and class
    // directions (which take longer) when find() is called (the Find button).
    void setMode(Mode mode);
    Mode mode() const;
    void find();
    void cancelWork();
    bool busy() const;
    // The directions the sliders move along (empty in Dimensions mode, or before they are found).
    const latentdirections::Result &directions() const;
    double baselineEffect() const { return m_baseline; }  // mean effect of random directions
    void setPcaLayer(const QString &layerId);
    void setRange(int spreads);  // direction sliders go from -spreads to +spreads

    // Saved directions: the experiment's, shown in Saved mode; `save` and `remove` change the
    // experiment (undoably), which then calls setSavedDirections again.
    void setDirectionStore(std::function<void(const LatentDirectionSpec &)> save, std::function<void(int index)> remove);
    void setSavedDirections(const std::vector<LatentDirectionSpec> &directions);
    void saveDirection(int slider, const QString &name);

    // Exports, on their own thread; exported() reports the result. A sweep uses direction
    // `direction` of the current sliders (latent dimension `direction` in Dimensions mode).
    latentwalk::Walk sweep(int direction, double range, int frames, bool loop) const;
    latentwalk::Walk interpolation(bool spherical, int frames, bool loop) const;
    void exportWalk(const latentwalk::Walk &walk, const QString &path, int scale, int delayMs);
    void exportGrid(int direction, int rows, int steps, double range, const QString &path, int scale);
    int defaultScale() const;

    QImage currentImage() const { return m_image; }
    QImage stripImage() const { return m_strip; }
    std::int64_t shownRequest() const { return m_shownRequest; }
    LatentRenderer *renderer() const;  // the session's; null without one
    // Milliseconds from each slider-driven request to its image on screen (dropped requests
    // count with the image that superseded them); for --benchmark-ui.
    std::vector<double> takeLatencies();

signals:
    void imageShown(quint64 request);
    void directionsChanged();
    void exported(bool ok, const QString &message);

private:
    struct Found;
    struct ExportOutcome;
    void setGenerator(std::shared_ptr<GeneratorCopy> generator);
    void clear();
    void render(bool byUser = true);  // byUser: counts towards the slider-to-image latency
    void renderStrip();
    void onRendered(int channel, quint64 request, const SampleBatch &samples, qint64 step);
    void rebuildSliders();
    void syncSliders();
    void updateEnabled();
    void updateDirectionsInfo();
    void moveAlongDirections();  // m_z from m_base and the direction sliders
    std::vector<std::vector<float>> sliderDirections() const;
    double sliderSpread() const;
    void onFound(quint64 job, bool cancelled);
    // Runs `work` (its error, or empty) on the export thread; `success` describes the result.
    void startExport(std::function<QString(GeneratorCopy &, const std::atomic<bool> &, const ProgressFn &)> work,
                     std::function<QString()> success);
    void showWork(bool on, const QString &what);
    void exportDialog(bool grid);
    // The status line's words, made again when the language changes.
    void setStatus(std::function<QString()> describe);
    QString sliderTip(int index) const;

    QPointer<RunSession> m_session;
    int m_singleChannel = -1;  // the one sample at the sliders' point
    int m_stripChannel = -1;   // the interpolation strip
    int m_latentDim = 0;
    bool m_hasGenerator = false;
    std::shared_ptr<GeneratorCopy> m_generator;  // the newest, for directions and exports
    std::vector<float> m_z, m_origin, m_a, m_b;
    std::vector<float> m_base;       // direction modes: the vector the sliders move from
    std::vector<double> m_offsets;   // direction modes: each slider's value, in spreads
    int m_picked = 0;                // the live grid's sample last picked
    std::vector<float> m_real;
    std::vector<float> m_evalLatents;  // the live grid's latent vectors, row by row
    bool m_uniformPrior = false;
    QLabel *m_status;
    std::function<QString()> m_describeStatus;
    QLabel *m_view;
    QLabel *m_stripView;
    QSpinBox *m_count;
    // Conditional runs: the class the generator is asked for (same z, another class); hidden
    // for an unconditional run.
    QLabel *m_classLabel = nullptr;
    QComboBox *m_class = nullptr;
    QComboBox *m_classTo = nullptr;  // the strip between classes: the class it ends at
    int askedClass() const;
    QComboBox *m_mode;
    QSpinBox *m_steps;
    QComboBox *m_method;
    QComboBox *m_layer;
    QLabel *m_layerLabel;
    QSpinBox *m_range;
    QPushButton *m_find;
    QProgressBar *m_progress;
    QPushButton *m_cancel;
    QLabel *m_directionsInfo;
    QPushButton *m_exportWalk;
    QPushButton *m_exportGrid;
    QGridLayout *m_sliderGrid;
    QWidget *m_sliderBox;
    std::vector<QSlider *> m_sliders;
    std::vector<QLabel *> m_values;
    QImage m_image, m_strip;
    quint64 m_shownRequest = 0, m_shownStrip = 0;
    QElapsedTimer m_clock;
    std::map<quint64, qint64> m_pending;  // request -> when it was made (ns on m_clock)
    std::vector<double> m_latencies;
    unsigned m_randomDraws = 0;
    int m_threads = 1;

    // Directions found for this run, per mode; the one being found.
    std::map<Mode, latentdirections::Result> m_found;
    latentdirections::Result m_savedSet;  // Saved mode's directions as a result
    std::vector<LatentDirectionSpec> m_saved;
    double m_baseline = 0;
    std::function<void(const LatentDirectionSpec &)> m_save;
    std::function<void(int)> m_remove;
    std::shared_ptr<Found> m_finding;
    std::shared_ptr<ExportOutcome> m_exportOutcome;
    quint64 m_findJob = 0, m_exportJob = 0;
    QString m_work;  // what the progress bar shows
};
