#include "explorer/latentexplorer.h"

#include "data/dataset.h"

#include "explorer/walkexportdialog.h"

#include "eval/directionfinder.h"
#include "session/runsession.h"
#include "training/backgroundjob.h"
#include "training/latentrenderer.h"
#include "training/sampleimage.h"
#include "widgets/widgetevents.h"

#include <QComboBox>
#include <QStandardItemModel>
#include <QDialog>
#include <QDir>
#include <QFileDialog>
#include <QInputDialog>
#include <QProgressBar>
#include <QToolButton>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QSettings>
#include <QSlider>
#include <QSpinBox>
#include <QVBoxLayout>

#include <cmath>
#include <random>

namespace {
constexpr int kSliderScale = 100;  // slider units per latent unit: -300..300 is -3..3
constexpr int kViewSize = 140;     // the explored sample is shown this many pixels wide
constexpr int kStripCell = 56;     // each interpolation step this wide
constexpr int kDefaultSliders = 8;
constexpr int kFrameWidth = 112;  // exported samples are enlarged to about this width

QPixmap enlarged(const QImage &image, int width)
{
    if (image.isNull())
        return QPixmap();
    const int scale = std::max(1, width / std::max(1, image.width()));
    return QPixmap::fromImage(image.scaled(image.size() * scale, Qt::IgnoreAspectRatio, Qt::FastTransformation));
}
}  // namespace


struct LatentExplorer::ExportOutcome {
    bool ok = false;
    QString error;
    std::function<QString()> success;  // describes what was written
};

struct LatentExplorer::Found {
    Mode mode = Mode::Sefa;
    latentdirections::Result result;
    double baseline = 0;  // mean effect of as many random directions
};

namespace {
latentdirections::Method methodOf(LatentExplorer::Mode mode)
{
    switch (mode) {
    case LatentExplorer::Mode::Pca: return latentdirections::Method::Pca;
    case LatentExplorer::Mode::Random: return latentdirections::Method::Random;
    case LatentExplorer::Mode::Class: return latentdirections::Method::Class;
    default: return latentdirections::Method::Sefa;
    }
}
const latentdirections::Result &noDirections()
{
    static const latentdirections::Result none;
    return none;
}
}  // namespace

LatentExplorer::LatentExplorer(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("latentExplorer"));
    m_clock.start();
    auto *layout = new QVBoxLayout(this);
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    layout->addWidget(m_status);

    auto *row = new QHBoxLayout;
    m_view = new QLabel(this);
    m_view->setObjectName(QStringLiteral("latentImage"));
    m_view->setFixedSize(kViewSize + 8, kViewSize + 8);
    m_view->setAlignment(Qt::AlignCenter);
    m_view->setFrameShape(QFrame::StyledPanel);
    row->addWidget(m_view);
    auto *buttons = new QVBoxLayout;
    auto addButton = [&](auto slot) {
        auto *b = new QPushButton(this);
        connect(b, &QPushButton::clicked, this, slot);
        buttons->addWidget(b);
        return b;
    };
    QPushButton *random = addButton([this] { randomize(); });
    QPushButton *resetButton = addButton([this] { reset(); });
    QPushButton *useA = addButton([this] { setEndpoint(0, m_z); });
    QPushButton *useB = addButton([this] { setEndpoint(1, m_z); });
    auto *countRow = new QHBoxLayout;
    auto *countLabel = new QLabel(this);
    countRow->addWidget(countLabel);
    m_count = new QSpinBox(this);
    m_count->setRange(1, 64);
    countRow->addWidget(m_count);
    buttons->addLayout(countRow);
    auto *classRow = new QHBoxLayout;
    m_classLabel = new QLabel(this);
    classRow->addWidget(m_classLabel);
    m_class = new QComboBox(this);
    m_class->setObjectName(QStringLiteral("latentClass"));
    classRow->addWidget(m_class);
    buttons->addLayout(classRow);
    m_classLabel->hide();
    m_class->hide();
    connect(m_class, &QComboBox::currentIndexChanged, this, [this] {
        render(true);
        renderStrip();
    });
    buttons->addStretch(1);
    row->addLayout(buttons);
    layout->addLayout(row);

    // What the sliders move, and finding directions.
    auto *directionsBox = new QGroupBox(this);
    auto *directionsLayout = new QVBoxLayout(directionsBox);
    auto *methodRow = new QHBoxLayout;
    auto *methodLabel = new QLabel(directionsBox);
    m_method = new QComboBox(directionsBox);
    m_method->setObjectName(QStringLiteral("directionMethod"));
    for (int i = 0; i < 6; ++i)
        m_method->addItem(QString());
    m_find = new QPushButton(directionsBox);
    m_find->setObjectName(QStringLiteral("findDirections"));
    m_cancel = new QPushButton(directionsBox);
    methodRow->addWidget(methodLabel);
    methodRow->addWidget(m_method, 1);
    methodRow->addWidget(m_find);
    methodRow->addWidget(m_cancel);
    directionsLayout->addLayout(methodRow);
    auto *optionsRow = new QHBoxLayout;
    m_layerLabel = new QLabel(directionsBox);
    m_layer = new QComboBox(directionsBox);
    auto *rangeLabel = new QLabel(directionsBox);
    m_range = new QSpinBox(directionsBox);
    m_range->setRange(1, 10);
    m_range->setValue(3);
    optionsRow->addWidget(m_layerLabel);
    optionsRow->addWidget(m_layer);
    optionsRow->addWidget(rangeLabel);
    optionsRow->addWidget(m_range);
    optionsRow->addStretch(1);
    directionsLayout->addLayout(optionsRow);
    m_progress = new QProgressBar(directionsBox);
    m_progress->setRange(0, 100);
    m_progress->setTextVisible(true);
    m_progress->hide();
    m_cancel->hide();
    directionsLayout->addWidget(m_progress);
    m_directionsInfo = new QLabel(directionsBox);
    m_directionsInfo->setObjectName(QStringLiteral("directionsInfo"));
    m_directionsInfo->setWordWrap(true);
    directionsLayout->addWidget(m_directionsInfo);
    layout->addWidget(directionsBox);

    m_sliderBox = new QWidget(this);
    m_sliderGrid = new QGridLayout(m_sliderBox);
    m_sliderGrid->setContentsMargins(0, 0, 0, 0);
    m_sliderGrid->setColumnStretch(1, 1);
    auto *scroll = new QScrollArea(this);
    scroll->setWidget(m_sliderBox);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setMinimumHeight(140);
    layout->addWidget(scroll, 1);

    auto *interp = new QGroupBox(this);
    auto *interpLayout = new QVBoxLayout(interp);
    auto *interpRow = new QHBoxLayout;
    m_mode = new QComboBox(interp);
    m_mode->addItems({QString(), QString(), QString()});  // linear, spherical, between classes (conditional runs)
    m_classTo = new QComboBox(interp);
    m_classTo->setObjectName(QStringLiteral("latentClassTo"));
    m_classTo->hide();
    m_steps = new QSpinBox(interp);
    m_steps->setRange(2, 16);
    m_steps->setValue(8);
    auto *stepsLabel = new QLabel(interp);
    interpRow->addWidget(m_mode);
    interpRow->addWidget(m_classTo);
    interpRow->addWidget(stepsLabel);
    interpRow->addWidget(m_steps);
    interpRow->addStretch(1);
    interpLayout->addLayout(interpRow);
    m_stripView = new QLabel(interp);
    m_stripView->setObjectName(QStringLiteral("interpolationStrip"));
    m_stripView->setMinimumHeight(kStripCell);
    interpLayout->addWidget(m_stripView);
    layout->addWidget(interp);

    auto *exportRow = new QHBoxLayout;
    m_exportWalk = new QPushButton(this);
    m_exportGrid = new QPushButton(this);
    m_exportWalk->setObjectName(QStringLiteral("exportWalk"));
    m_exportGrid->setObjectName(QStringLiteral("exportGrid"));
    exportRow->addWidget(m_exportWalk);
    exportRow->addWidget(m_exportGrid);
    exportRow->addStretch(1);
    layout->addLayout(exportRow);

    connect(m_mode, &QComboBox::currentIndexChanged, this, &LatentExplorer::renderStrip);
    connect(m_mode, &QComboBox::currentIndexChanged, this, [this](int i) { m_classTo->setVisible(i == 2 && m_class->count() > 0); });
    connect(m_classTo, &QComboBox::currentIndexChanged, this, &LatentExplorer::renderStrip);
    connect(m_steps, &QSpinBox::valueChanged, this, &LatentExplorer::renderStrip);
    connect(m_count, &QSpinBox::valueChanged, this, [this](int n) {
        QSettings().setValue(QStringLiteral("latent/sliders"), n);
        setSliderCount(n);
    });
    connect(m_method, &QComboBox::currentIndexChanged, this, [this](int i) { setMode(Mode(i)); });
    connect(m_find, &QPushButton::clicked, this, &LatentExplorer::find);
    connect(m_cancel, &QPushButton::clicked, this, &LatentExplorer::cancelWork);
    connect(m_range, &QSpinBox::valueChanged, this, [this] { rebuildSliders(); });
    connect(m_exportWalk, &QPushButton::clicked, this, [this] { exportDialog(false); });
    connect(m_exportGrid, &QPushButton::clicked, this, [this] { exportDialog(true); });
    m_count->setValue(QSettings().value(QStringLiteral("latent/sliders"), kDefaultSliders).toInt());
    setSliderCount(m_count->value());
    updateEnabled();
    setStatus([] { return tr("Start training: the explorer uses the newest generator the run publishes (about once a second)."); });
    widgetevents::retranslated(this, [=] {
        auto name = [](QAbstractButton *b, const QString &text, const QString &tip) {
            b->setText(text);
            b->setToolTip(tip);
        };
        name(random, tr("Random z"), tr("Draw a new latent vector from the prior"));
        name(resetButton, tr("Reset"), tr("Back to the vector last picked or drawn, with every slider at 0"));
        name(useA, tr("Use as A"), tr("Start of the interpolation"));
        name(useB, tr("Use as B"), tr("End of the interpolation"));
        countLabel->setText(tr("Sliders:"));
        m_classLabel->setText(tr("Class:"));
        m_class->setToolTip(tr("The class the conditional generator is asked for: the same z drawn as another class"));
        m_count->setToolTip(tr("How many latent dimensions get a slider (the first ones), or how many directions to find"));
        directionsBox->setTitle(tr("Directions"));
        methodLabel->setText(tr("Sliders move:"));
        m_method->setItemText(int(Mode::Dimensions), tr("Latent dimensions"));
        m_method->setItemText(int(Mode::Sefa), tr("SeFa directions (closed form)"));
        m_method->setItemText(int(Mode::Pca), tr("PCA directions (GANSpace)"));
        m_method->setItemText(int(Mode::Random), tr("Random directions (baseline)"));
        m_method->setItemText(int(Mode::Class), tr("Class directions (InterFaceGAN)"));
        m_method->setItemText(int(Mode::Saved), tr("Saved directions"));
        m_method->setToolTip(tr("Raw latent dimensions rarely mean anything on their own; directions found in the trained generator "
                                "often do (shape, brightness, one kind of garment turning into another)"));
        name(m_find, tr("Find"), tr("Find the directions again in the newest generator"));
        name(m_cancel, tr("Cancel"), tr("Stop the work in progress"));
        m_layerLabel->setText(tr("Layer:"));
        m_layer->setToolTip(tr("PCA analyses this generator layer's output (GANSpace uses an early layer)"));
        rangeLabel->setText(tr("Range ±"));
        m_range->setSuffix(tr(" spreads"));
        m_range->setToolTip(tr("Direction sliders go from minus to plus this many spreads: the prior's standard deviation along the direction"));
        interp->setTitle(tr("Interpolation from A to B"));
        m_mode->setItemText(0, tr("Linear"));
        m_mode->setItemText(1, tr("Spherical"));
        m_mode->setItemText(2, tr("Between classes, same z"));
        m_classTo->setToolTip(tr("The strip draws the explored z from the class picked above to this one, the two classes' "
                                 "embeddings mixed in even steps"));
        m_mode->setToolTip(tr("Linear mixes the two vectors; spherical follows the great circle, keeping the norm typical of the prior"));
        m_steps->setToolTip(tr("Images in the strip, A and B included"));
        stepsLabel->setText(tr("Steps:"));
        name(m_exportWalk, tr("Export walk..."), tr("A walk from A to B or along a slider's direction, as an animated GIF or PNG frames"));
        name(m_exportGrid, tr("Export grid..."), tr("Several samples, each moved in steps along a slider's direction, as one PNG"));
        if (m_strip.isNull())
            m_stripView->setText(tr("Choose A and B."));
        rebuildSliders();
        updateDirectionsInfo();
        m_status->setText(m_describeStatus());
    });
}

QString LatentExplorer::sliderTip(int index) const
{
    if (mode() == Mode::Dimensions)
        return tr("Latent dimension %1, from -3 to 3").arg(index + 1);
    const latentdirections::Result &r = directions();
    if (size_t(index) >= r.directions.size())
        return {};
    const double effect = r.directions[size_t(index)].effect;
    if (effect <= 0)  // saved directions are not measured
        return tr("Moves z along this direction, from -%1 to %1 spreads").arg(m_range->value());
    return tr("Moves z along this direction, from -%1 to %1 spreads; one spread changes the samples by %2 (RMS, pixels 0..1)")
        .arg(m_range->value())
        .arg(effect, 0, 'f', 3);
}

QString LatentExplorer::sliderName(int i) const
{
    if (mode() == Mode::Dimensions)
        return QStringLiteral("z%1").arg(i + 1);
    if (mode() == Mode::Saved)
        return size_t(i) < m_saved.size() ? m_saved[size_t(i)].name : QString();
    return latentdirections::label(directions(), i);
}

void LatentExplorer::setStatus(std::function<QString()> describe)
{
    m_describeStatus = std::move(describe);
    m_status->setText(m_describeStatus());
}

LatentExplorer::~LatentExplorer() = default;

void LatentExplorer::setSession(RunSession *session)
{
    if (m_session)
        for (QObject *source : std::initializer_list<QObject *>{m_session, m_session->renderer(), m_session->finder(), m_session->exporter()})
            disconnect(source, nullptr, this, nullptr);
    m_session = session;
    clear();
    if (!session)
        return;
    LatentRenderer *renderer = session->renderer();
    m_singleChannel = renderer->newChannel();
    m_stripChannel = renderer->newChannel();
    connect(session, &RunSession::generatorChanged, this, &LatentExplorer::setGenerator);
    connect(session, &RunSession::dataLoaded, this, &LatentExplorer::updateDirectionsInfo);
    connect(session->finder(), &BackgroundJob::progress, this, [this](quint64 job, double f) {
        if (job == m_findJob)
            m_progress->setValue(int(f * 100));
    });
    connect(session->exporter(), &BackgroundJob::progress, this, [this](quint64 job, double f) {
        if (job == m_exportJob)
            m_progress->setValue(int(f * 100));
    });
    connect(session->finder(), &BackgroundJob::finished, this, &LatentExplorer::onFound);
    connect(session->exporter(), &BackgroundJob::finished, this, [this](quint64 job, bool) {
        if (job != m_exportJob || !m_exportOutcome)
            return;  // an export replaced by a newer one
        const std::shared_ptr<ExportOutcome> outcome = std::move(m_exportOutcome);
        m_exportJob = 0;
        showWork(m_findJob != 0, m_work);
        updateEnabled();
        if (outcome->ok)
            setStatus(outcome->success);
        emit exported(outcome->ok, outcome->ok ? outcome->success() : outcome->error);
    });
    connect(renderer, &LatentRenderer::rendered, this, &LatentExplorer::onRendered);
    connect(renderer, &LatentRenderer::failed, this, [this](int channel, const QString &message) {
        if (channel == m_singleChannel || channel == m_stripChannel)
            setStatus([message] { return message; });
    });
}

LatentRenderer *LatentExplorer::renderer() const { return m_session ? m_session->renderer() : nullptr; }

void LatentExplorer::setGenerator(std::shared_ptr<GeneratorCopy> generator)
{
    if (!generator)
        return;
    const int dim = generator->latentDim();
    const bool first = !m_hasGenerator || dim != m_latentDim;
    if (dim != m_latentDim) {
        m_found.clear();
        m_savedSet = {};
    }
    m_latentDim = dim;
    m_hasGenerator = true;
    m_generator = generator;
    setStatus([step = generator->step()] { return tr("Generator from step %1").arg(step); });
    m_evalLatents = generator->evalLatents();
    m_uniformPrior = generator->spec().prior == LatentPrior::Uniform;
    {
        // A conditional run: the class picker, filled once per set of classes (the choice kept).
        const QStringList names = datasets::classLabels(generator->spec());
        QStringList shown;
        for (int i = 0; i < m_class->count(); ++i)
            shown << m_class->itemText(i);
        if (shown != names) {
            const QSignalBlocker block(m_class), blockTo(m_classTo);
            m_class->clear();
            m_class->addItems(names);
            m_classTo->clear();
            m_classTo->addItems(names);
            m_classTo->setCurrentIndex(names.size() > 1 ? 1 : 0);
        }
        m_classLabel->setVisible(!names.isEmpty());
        m_class->setVisible(!names.isEmpty());
        // Between classes is a choice of conditional runs only.
        if (names.isEmpty() && m_mode->currentIndex() == 2)
            m_mode->setCurrentIndex(0);
        if (auto *model = qobject_cast<QStandardItemModel *>(m_mode->model()))
            model->item(2)->setEnabled(!names.isEmpty());
        m_classTo->setVisible(!names.isEmpty() && m_mode->currentIndex() == 2);
    }
    const std::vector<float> firstSample = generator->evalLatent(0);
    if (first) {
        // The layers PCA may analyse, the first activation chosen.
        const QSignalBlocker block(m_layer);
        m_layer->clear();
        for (const LayerSpec &l : generator->spec().generator.layers)
            m_layer->addItem(QStringLiteral("%1 (%2)").arg(l.id, layerkind::name(l.kind)), l.id);
        m_layer->setCurrentIndex(std::max(0, m_layer->findData(latentdirections::defaultPcaLayer(generator->spec().generator))));
        setSavedDirections(m_saved);  // their sizes are checked against this generator's
    }
    if (first) {
        m_z = firstSample.empty() ? std::vector<float>(size_t(dim), 0.0f) : firstSample;
        m_origin = m_z;
        m_base = m_z;
        m_picked = 0;
        m_a.clear();
        m_b.clear();
        rebuildSliders();
        if ((mode() == Mode::Sefa || mode() == Mode::Random) && !m_found.count(mode()))
            find();
    }
    updateEnabled();
    updateDirectionsInfo();
    render(false);  // the same z through newer weights
    renderStrip();
}

void LatentExplorer::setRealPoints(const std::vector<float> &points) { m_real = points; }

void LatentExplorer::clear()
{
    m_hasGenerator = false;
    m_generator.reset();
    m_findJob = m_exportJob = 0;
    m_finding.reset();
    m_exportOutcome.reset();
    showWork(false, QString());
    m_found.clear();
    m_baseline = 0;
    m_pending.clear();
    m_shownRequest = m_shownStrip = 0;
    m_image = QImage();
    m_strip = QImage();
    m_view->clear();
    m_stripView->setText(tr("Choose A and B."));
    setStatus([] { return tr("Waiting for the run's first generator..."); });
    rebuildSliders();
    updateEnabled();
    updateDirectionsInfo();
}

void LatentExplorer::updateEnabled()
{
    for (QSlider *s : m_sliders)
        s->setEnabled(m_hasGenerator);
    const Mode m = mode();
    const bool busyFinding = m_findJob != 0;
    m_find->setVisible(m != Mode::Dimensions && m != Mode::Saved);
    m_find->setEnabled(m_hasGenerator && !busyFinding);
    m_layer->setVisible(m == Mode::Pca);
    m_layerLabel->setVisible(m == Mode::Pca);
    m_range->setEnabled(m != Mode::Dimensions);
    m_exportWalk->setEnabled(m_hasGenerator && m_exportJob == 0);
    m_exportGrid->setEnabled(m_hasGenerator && m_exportJob == 0 && !m_sliders.empty());
}

LatentExplorer::Mode LatentExplorer::mode() const { return Mode(std::max(0, m_method->currentIndex())); }

const latentdirections::Result &LatentExplorer::directions() const
{
    switch (mode()) {
    case Mode::Dimensions: return noDirections();
    case Mode::Saved: return m_savedSet;
    default: {
        const auto it = m_found.find(mode());
        return it == m_found.end() ? noDirections() : it->second;
    }
    }
}

double LatentExplorer::sliderSpread() const
{
    return mode() == Mode::Dimensions ? 1.0 : latentdirections::priorSpread(m_uniformPrior ? LatentPrior::Uniform : LatentPrior::Normal);
}

std::vector<std::vector<float>> LatentExplorer::sliderDirections() const
{
    std::vector<std::vector<float>> out;
    if (mode() == Mode::Dimensions) {
        for (size_t i = 0; i < m_sliders.size(); ++i) {
            std::vector<float> e(size_t(m_latentDim), 0.0f);
            if (i < e.size())
                e[i] = 1.0f;
            out.push_back(std::move(e));
        }
        return out;
    }
    for (const latentdirections::Direction &d : directions().directions)
        out.push_back(d.vector);
    return out;
}

void LatentExplorer::setMode(Mode mode)
{
    if (m_method->currentIndex() != int(mode)) {
        const QSignalBlocker block(m_method);
        m_method->setCurrentIndex(int(mode));
    }
    // The sliders start from where z is now, so nothing jumps.
    m_base = m_z;
    m_offsets.clear();
    {
        const QSignalBlocker block(m_range);
        m_range->setValue(mode == Mode::Sefa ? 5 : 3);  // SeFa's paper sweeps -5..5, GANSpace -3..3
    }
    if ((mode == Mode::Sefa || mode == Mode::Random) && m_hasGenerator && !m_found.count(mode))
        find();
    rebuildSliders();
    updateEnabled();
    updateDirectionsInfo();
    emit directionsChanged();
}

void LatentExplorer::setPcaLayer(const QString &layerId)
{
    const int i = m_layer->findData(layerId);
    if (i >= 0)
        m_layer->setCurrentIndex(i);
}

void LatentExplorer::setRange(int spreads) { m_range->setValue(spreads); }

void LatentExplorer::find()
{
    const Mode m = mode();
    if (!m_generator || m == Mode::Dimensions || m == Mode::Saved)
        return;
    latentdirections::Options options;
    options.count = m_count->value();
    options.layer = m_layer->currentData().toString();
    const std::shared_ptr<DirectionFinder> finder = m_session ? m_session->directionFinder() : nullptr;
    if (!finder || (m == Mode::Class && !finder->hasLabels())) {
        m_found.erase(m);
        updateDirectionsInfo();
        return;
    }
    auto found = std::make_shared<Found>();
    found->mode = m;
    m_finding = found;
    const std::shared_ptr<GeneratorCopy> g = m_generator;
    m_findJob = m_session->finder()->start(
        [found, g, finder, options](const std::atomic<bool> &cancel, const ProgressFn &progress) {
            DirectionFinder::Progress report;
            const bool classes = found->mode == Mode::Class;
            report.training = [&progress](double f) { progress(0.5 * f); };
            report.finding = [&progress, classes](double f) { progress(classes ? 0.5 + 0.5 * f : f); };
            const DirectionFinder::Found f = finder->find(*g, methodOf(found->mode), options, true, report, &cancel);
            found->result = f.result;
            found->baseline = f.baseline;
        },
        m_threads);
    showWork(true, tr("Finding directions... %p%"));
    updateEnabled();
    updateDirectionsInfo();
}

void LatentExplorer::onFound(quint64 job, bool cancelled)
{
    if (job != m_findJob || !m_finding)
        return;
    const std::shared_ptr<Found> found = std::move(m_finding);
    m_findJob = 0;
    showWork(m_exportJob != 0, m_work);
    if (cancelled && !found->result.ok()) {
        updateEnabled();
        updateDirectionsInfo();
        return;
    }
    m_found[found->mode] = found->result;
    if (found->baseline > 0)
        m_baseline = found->baseline;
    if (found->mode == mode()) {
        m_base = m_z;
        m_offsets.clear();
        rebuildSliders();
    }
    updateEnabled();
    updateDirectionsInfo();
    emit directionsChanged();
}

void LatentExplorer::cancelWork()
{
    if (!m_session)
        return;
    m_session->finder()->cancel();
    m_session->exporter()->cancel();
}

bool LatentExplorer::busy() const { return m_findJob != 0 || m_exportJob != 0; }

void LatentExplorer::showWork(bool on, const QString &what)
{
    m_work = what;
    m_progress->setVisible(on);
    m_cancel->setVisible(on);
    if (on) {
        m_progress->setFormat(what);
        m_progress->setValue(0);
    }
}

void LatentExplorer::updateDirectionsInfo()
{
    const Mode m = mode();
    const latentdirections::Result &r = directions();
    QString text;
    if (m == Mode::Dimensions) {
        text = tr("Each slider moves one latent dimension of z, from -3 to 3.");
    } else if (m == Mode::Saved) {
        text = m_saved.empty() ? tr("No directions saved yet: find some, then press Save... beside the ones worth keeping. "
                                    "They are saved with the experiment.")
                               : tr("%n direction(s) saved with the experiment.", nullptr, int(m_saved.size()));
        for (const QString &note : m_savedSet.notes)
            text += QLatin1Char(' ') + note;
    } else if (m_findJob != 0 && m_finding && m_finding->mode == m) {
        text = m == Mode::Pca ? tr("Finding PCA directions in %1 activations of layer %2...")
                                    .arg(QLocale().toString(100000))
                                    .arg(m_layer->currentData().toString())
                              : tr("Finding directions...");
    } else if (const auto it = m_found.find(m); it != m_found.end() && !it->second.ok()) {
        text = it->second.error;
    } else if (!r.directions.empty()) {
        const QString where = r.layer.isEmpty() ? tr("Found in the generator from step %1.").arg(r.step)
                                                : tr("Found in the generator from step %1 (layer %2).").arg(r.step).arg(r.layer);
        text = where;
        if (m == Mode::Random) {
            text += QLatin1Char(' ') + tr("The baseline: a random direction changes the samples by %1 per spread (RMS, pixels 0..1).")
                                           .arg(m_baseline, 0, 'f', 3);
        } else if (m_baseline > 0) {
            double best = 0;
            for (const auto &d : r.directions)
                best = std::max(best, d.effect);
            text += QLatin1Char(' ') + tr("The strongest changes the samples %1 times as much as a random direction (%2 against %3 "
                                          "per spread).")
                                           .arg(best / m_baseline, 0, 'f', 1)
                                           .arg(best, 0, 'f', 3)
                                           .arg(m_baseline, 0, 'f', 3);
        }
        for (const QString &note : r.notes)
            text += QLatin1Char(' ') + note;
        if (m_generator && m_generator->step() != r.step)
            text += QLatin1Char(' ') + tr("The generator has trained on since: Find to update.");
    } else if (!m_hasGenerator) {
        text = tr("Directions are found in the trained generator once the run publishes one.");
    } else if (m == Mode::Pca) {
        text = tr("PCA of %1 activations of the chosen layer, carried back to latent space: press Find (about half a minute).")
                   .arg(QLocale().toString(100000));
    } else if (m == Mode::Class) {
        text = !m_session || !m_session->directionFinder() || !m_session->directionFinder()->hasLabels()
                   ? tr("Class directions need labelled images (Fashion-MNIST, or a folder with one subfolder per class).")
                   : tr("The image classifier labels 5000 samples and a linear boundary per class is fitted in latent space: press Find.");
    }
    m_directionsInfo->setText(text);
}

void LatentExplorer::setSliderCount(int count)
{
    if (m_count->value() != count) {
        m_count->setValue(count);  // comes back here
        return;
    }
    if (mode() == Mode::Dimensions)
        rebuildSliders();
}

void LatentExplorer::rebuildSliders()
{
    const Mode m = mode();
    const latentdirections::Result &r = directions();
    const int wanted = m == Mode::Dimensions ? (m_latentDim > 0 ? std::min(m_count->value(), m_latentDim) : m_count->value())
                                             : int(r.directions.size());
    while (QLayoutItem *item = m_sliderGrid->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    m_sliders.clear();
    m_values.clear();
    m_offsets.resize(size_t(wanted), 0.0);
    const int limit = m == Mode::Dimensions ? 3 : m_range->value();
    if (m != Mode::Dimensions) {
        // A narrower range takes the sliders, and z with them, to its ends.
        for (double &offset : m_offsets)
            offset = std::clamp(offset, -double(limit), double(limit));
        moveAlongDirections();
        render(false);
    }
    for (int i = 0; i < wanted; ++i) {
        auto *name = new QLabel(sliderName(i), m_sliderBox);
        auto *slider = new QSlider(Qt::Horizontal, m_sliderBox);
        slider->setRange(-limit * kSliderScale, limit * kSliderScale);
        slider->setToolTip(sliderTip(i));
        auto *value = new QLabel(m_sliderBox);
        value->setMinimumWidth(value->fontMetrics().horizontalAdvance(QStringLiteral("-10.00")));
        connect(slider, &QSlider::valueChanged, this, [this, i, value](int v) {
            const double x = double(v) / kSliderScale;
            value->setText(QString::number(x, 'f', 2));
            if (mode() == Mode::Dimensions) {
                if (size_t(i) >= m_z.size())
                    return;
                m_z[size_t(i)] = float(x);
            } else {
                if (size_t(i) >= m_offsets.size())
                    return;
                m_offsets[size_t(i)] = x;
                moveAlongDirections();
            }
            render();
        });
        m_sliderGrid->addWidget(name, i, 0);
        m_sliderGrid->addWidget(slider, i, 1);
        m_sliderGrid->addWidget(value, i, 2);
        if (m != Mode::Dimensions) {
            auto *button = new QToolButton(m_sliderBox);
            const bool saved = m == Mode::Saved;
            button->setText(saved ? tr("Delete") : tr("Save..."));
            button->setToolTip(saved ? tr("Remove this direction from the experiment (Undo brings it back)")
                                     : tr("Name this direction and save it with the experiment"));
            button->setEnabled(saved ? bool(m_remove) : bool(m_save));
            connect(button, &QToolButton::clicked, this, [this, i, saved] {
                if (saved) {
                    if (m_remove)
                        m_remove(i);
                    return;
                }
                bool ok = false;
                const QString name = QInputDialog::getText(this, tr("Save direction"), tr("Name of the direction (saved with the experiment):"),
                                                           QLineEdit::Normal, sliderName(i), &ok);
                if (ok && !name.trimmed().isEmpty())
                    saveDirection(i, name.trimmed());
            });
            m_sliderGrid->addWidget(button, i, 3);
        }
        m_sliders.push_back(slider);
        m_values.push_back(value);
    }
    syncSliders();
    updateEnabled();
}

void LatentExplorer::moveAlongDirections()
{
    if (m_base.size() != size_t(m_latentDim))
        return;
    m_z = m_base;
    const std::vector<std::vector<float>> dirs = sliderDirections();
    const double spread = sliderSpread();
    for (size_t k = 0; k < dirs.size() && k < m_offsets.size(); ++k)
        for (size_t j = 0; j < m_z.size() && j < dirs[k].size(); ++j)
            m_z[j] += float(m_offsets[k] * spread * dirs[k][j]);
}

void LatentExplorer::syncSliders()
{
    const bool dimensions = mode() == Mode::Dimensions;
    for (size_t i = 0; i < m_sliders.size(); ++i) {
        const QSignalBlocker block(m_sliders[i]);
        const double v = dimensions ? (i < m_z.size() ? m_z[i] : 0.0f) : m_offsets[i];
        const double limit = double(m_sliders[i]->maximum()) / kSliderScale;
        m_sliders[i]->setValue(int(std::lround(std::clamp(v, -limit, limit) * kSliderScale)));
        m_values[i]->setText(QString::number(v, 'f', 2));
    }
}

void LatentExplorer::setLatent(const std::vector<float> &z)
{
    if (m_latentDim > 0 && int(z.size()) != m_latentDim)
        return;
    m_z = z;
    m_base = z;
    std::fill(m_offsets.begin(), m_offsets.end(), 0.0);
    syncSliders();
    render();
}

void LatentExplorer::pickSample(int index)
{
    const size_t n = size_t(m_latentDim);
    if (!m_hasGenerator || index < 0 || (size_t(index) + 1) * n > m_evalLatents.size())
        return;
    const auto begin = m_evalLatents.begin() + std::ptrdiff_t(size_t(index) * n);
    m_origin.assign(begin, begin + std::ptrdiff_t(n));
    m_picked = index;
    // A conditional grid's sample is of its row's class: the explorer asks for that class too.
    if (m_generator && size_t(index) < m_generator->evalLabels().size())
        m_class->setCurrentIndex(m_generator->evalLabels()[size_t(index)]);
    setLatent(m_origin);
}

void LatentExplorer::randomize()
{
    if (m_latentDim <= 0)
        return;
    std::mt19937 rng(0x5EED + ++m_randomDraws);
    std::normal_distribution<float> normal(0.0f, 1.0f);
    std::uniform_real_distribution<float> uniform(-1.0f, 1.0f);
    std::vector<float> z(static_cast<size_t>(m_latentDim));
    for (float &v : z)
        v = m_uniformPrior ? uniform(rng) : normal(rng);
    m_origin = z;
    setLatent(z);
}

void LatentExplorer::reset()
{
    if (!m_origin.empty())
        setLatent(m_origin);
}

void LatentExplorer::setEndpoint(int which, const std::vector<float> &z)
{
    (which == 0 ? m_a : m_b) = z;
    renderStrip();
}

void LatentExplorer::setSpherical(bool spherical) { m_mode->setCurrentIndex(spherical ? 1 : 0); }

void LatentExplorer::setDirectionStore(std::function<void(const LatentDirectionSpec &)> save, std::function<void(int)> remove)
{
    m_save = std::move(save);
    m_remove = std::move(remove);
    rebuildSliders();
}

void LatentExplorer::setSavedDirections(const std::vector<LatentDirectionSpec> &directions)
{
    m_saved.clear();
    m_savedSet = {};
    m_savedSet.latentDim = m_latentDim;
    m_savedSet.spread = latentdirections::priorSpread(m_uniformPrior ? LatentPrior::Uniform : LatentPrior::Normal);
    int otherSize = 0;
    for (const LatentDirectionSpec &d : directions) {
        double norm = 0;
        for (float v : d.vector)
            norm += double(v) * v;
        if ((m_latentDim > 0 && int(d.vector.size()) != m_latentDim) || norm <= 0) {
            ++otherSize;
            continue;
        }
        latentdirections::Direction direction;
        for (float v : d.vector)
            direction.vector.push_back(float(v / std::sqrt(norm)));
        m_saved.push_back(d);
        m_savedSet.directions.push_back(std::move(direction));
    }
    if (otherSize > 0)
        m_savedSet.notes << tr("%n saved direction(s) belong to another latent size and are not shown.", nullptr, otherSize);
    if (mode() == Mode::Saved) {
        m_base = m_z;
        m_offsets.clear();
        rebuildSliders();
    }
    updateDirectionsInfo();
}

void LatentExplorer::saveDirection(int slider, const QString &name)
{
    const std::vector<std::vector<float>> dirs = sliderDirections();
    if (!m_save || slider < 0 || size_t(slider) >= dirs.size())
        return;
    LatentDirectionSpec d;
    d.name = name;
    d.method = mode() == Mode::Saved ? m_saved[size_t(slider)].method : latentdirections::methodKey(methodOf(mode()));
    d.vector = dirs[size_t(slider)];
    m_save(d);
}

latentwalk::Walk LatentExplorer::sweep(int direction, double range, int frames, bool loop) const
{
    latentwalk::Walk w;
    w.kind = latentwalk::Kind::Sweep;
    const std::vector<std::vector<float>> dirs = sliderDirections();
    if (direction >= 0 && size_t(direction) < dirs.size()) {
        w.direction = dirs[size_t(direction)];
        w.origin = mode() == Mode::Dimensions ? m_z : m_base;
        if (mode() == Mode::Dimensions && size_t(direction) < w.origin.size())
            w.origin[size_t(direction)] = 0;  // the sweep covers the dimension's whole range
    }
    w.spread = sliderSpread();
    w.from = -range;
    w.to = range;
    w.frames = frames;
    w.loop = loop;
    return w;
}

latentwalk::Walk LatentExplorer::interpolation(bool spherical, int frames, bool loop) const
{
    latentwalk::Walk w;
    w.kind = spherical ? latentwalk::Kind::Spherical : latentwalk::Kind::Linear;
    w.a = m_a;
    w.b = m_b;
    w.frames = frames;
    w.loop = loop;
    return w;
}

int LatentExplorer::defaultScale() const
{
    const int width = m_generator && m_generator->spec().data.imageSize > 0 ? m_generator->spec().data.imageSize : 28;
    return std::max(1, kFrameWidth / width);
}

void LatentExplorer::startExport(std::function<QString(GeneratorCopy &, const std::atomic<bool> &, const ProgressFn &)> work,
                                 std::function<QString()> success)
{
    if (!m_generator) {
        emit exported(false, tr("No generator yet: start training first."));
        return;
    }
    if (m_generator->spec().isTwoDimensional()) {
        emit exported(false, tr("Walks and grids are exported for image runs; this run makes 2D points."));
        return;
    }
    auto outcome = std::make_shared<ExportOutcome>();
    outcome->success = std::move(success);
    const std::shared_ptr<GeneratorCopy> g = m_generator;
    m_exportOutcome = outcome;
    m_exportJob = m_session->exporter()->start(
        [g, work, outcome](const std::atomic<bool> &cancel, const ProgressFn &progress) {
            outcome->error = work(*g, cancel, progress);
            outcome->ok = outcome->error.isEmpty();
        },
        m_threads);
    showWork(true, tr("Exporting... %p%"));
    updateEnabled();
}

void LatentExplorer::exportWalk(const latentwalk::Walk &walk, const QString &path, int scale, int delayMs)
{
    const std::vector<float> latents = latentwalk::latents(walk);
    if (latents.empty()) {
        emit exported(false, walk.kind == latentwalk::Kind::Sweep ? tr("Choose a direction to sweep along.") : tr("Choose A and B first."));
        return;
    }
    const int frames = walk.frames;
    startExport([latents, frames, path, scale, delayMs, label = askedClass()](GeneratorCopy &g, const std::atomic<bool> &cancel,
                                                                           const ProgressFn &progress) {
        QString error;
        const SampleBatch samples = latentwalk::render(g, latents, frames, [&](double f) { progress(0.9 * f); }, &cancel, &error, label);
        if (samples.count == 0)
            return error;
        error = latentwalk::writeFrames(path, latentwalk::frames(samples, scale), delayMs);
        progress(1.0);
        return error;
    }, [frames, written = path.endsWith(QLatin1String(".gif"), Qt::CaseInsensitive) ? path : latentwalk::framePaths(path, 1).front()] {
        return tr("Wrote %n frame(s) to %1", nullptr, frames).arg(written);
    });
}

void LatentExplorer::exportGrid(int direction, int rows, int steps, double range, const QString &path, int scale)
{
    const latentwalk::Walk w = sweep(direction, range, steps, false);
    if (w.direction.empty() || rows < 1 || steps < 1) {
        emit exported(false, tr("Choose a direction to sweep along."));
        return;
    }
    // The first row starts from the explored vector, the others from the live grid's next samples.
    std::vector<float> origins = w.origin;
    const int gridCount = m_latentDim > 0 ? int(m_evalLatents.size()) / m_latentDim : 0;
    for (int r = 1; r < rows; ++r) {
        const int index = gridCount > 0 ? (m_picked + r) % gridCount : 0;
        const auto begin = m_evalLatents.begin() + std::ptrdiff_t(size_t(index) * size_t(m_latentDim));
        std::vector<float> z = gridCount > 0 ? std::vector<float>(begin, begin + m_latentDim) : w.origin;
        if (mode() == Mode::Dimensions && size_t(direction) < z.size())
            z[size_t(direction)] = 0;
        origins.insert(origins.end(), z.begin(), z.end());
    }
    const std::vector<float> latents = latentwalk::sweepGrid(origins, rows, w.direction, -range, range, w.spread, steps);
    startExport([latents, rows, steps, path, scale, label = askedClass()](GeneratorCopy &g, const std::atomic<bool> &cancel,
                                                                        const ProgressFn &progress) {
        QString error;
        const SampleBatch samples = latentwalk::render(g, latents, rows * steps, progress, &cancel, &error, label);
        if (samples.count == 0)
            return error;
        return sampleimage::savePng(latentwalk::tile(samples, steps, scale), path);
    }, [rows, steps, path] { return tr("Wrote a grid of %1 samples x %2 steps to %3").arg(rows).arg(steps).arg(path); });
}

void LatentExplorer::exportDialog(bool grid)
{
    QStringList sliders;
    for (int i = 0; i < sliderCount(); ++i)
        sliders << sliderName(i);
    WalkExportDialog dialog(grid, sliders, mode() == Mode::Dimensions ? 3 : m_range->value(), defaultScale(), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    QSettings settings;
    const QString folder = settings.value(QStringLiteral("latent/exportFolder"), QDir::homePath()).toString();
    const QString file = QFileDialog::getSaveFileName(this, dialog.windowTitle(), QDir(folder).filePath(grid ? QStringLiteral("grid.png") : QStringLiteral("walk.gif")),
                                                      grid ? tr("PNG image (*.png)") : tr("Animated GIF (*.gif);;PNG frames (*.png)"));
    if (file.isEmpty())
        return;
    settings.setValue(QStringLiteral("latent/exportFolder"), QFileInfo(file).absolutePath());
    if (grid) {
        exportGrid(dialog.direction(), dialog.rows(), dialog.frames(), dialog.range(), file, dialog.scale());
        return;
    }
    const int direction = dialog.direction();
    const latentwalk::Walk w = direction < 0 ? interpolation(direction == -1, dialog.frames(), dialog.loop())
                                             : sweep(direction, dialog.range(), dialog.frames(), dialog.loop());
    exportWalk(w, file, dialog.scale(), dialog.delayMs());
}

void LatentExplorer::render(bool byUser)
{
    if (!m_session || !m_hasGenerator || int(m_z.size()) != m_latentDim)
        return;
    const quint64 number = m_session->renderer()->request(m_singleChannel, m_z, 1, {askedClass()});
    if (byUser)
        m_pending[number] = m_clock.nsecsElapsed();
    if (m_mode->currentIndex() == 2)
        renderStrip();  // the strip between classes is of this z
}

void LatentExplorer::renderStrip()
{
    if (!m_session || !m_hasGenerator)
        return;
    const int n = m_steps->value();
    if (m_mode->currentIndex() == 2) {
        // The explored z from one class to another: only the label's embedding moves.
        if (m_class->count() == 0 || int(m_z.size()) != m_latentDim)
            return;
        std::vector<float> latents, t;
        for (int i = 0; i < n; ++i) {
            latents.insert(latents.end(), m_z.begin(), m_z.end());
            t.push_back(float(i) / float(n - 1));
        }
        m_session->renderer()->requestBetween(m_stripChannel, std::move(latents), n, askedClass(), std::max(0, m_classTo->currentIndex()),
                                              std::move(t));
        return;
    }
    if (int(m_a.size()) != m_latentDim || int(m_b.size()) != m_latentDim)
        return;
    std::vector<float> latents;
    latents.reserve(size_t(n) * size_t(m_latentDim));
    for (int i = 0; i < n; ++i) {
        const std::vector<float> z = latentwalk::interpolate(m_a, m_b, double(i) / (n - 1), m_mode->currentIndex() == 1);
        latents.insert(latents.end(), z.begin(), z.end());
    }
    m_session->renderer()->request(m_stripChannel, std::move(latents), n, std::vector<int>(size_t(n), askedClass()));
}

int LatentExplorer::askedClass() const { return std::max(0, m_class->currentIndex()); }

void LatentExplorer::onRendered(int channel, quint64 request, const SampleBatch &samples, qint64 step)
{
    if (channel != m_singleChannel && channel != m_stripChannel)
        return;  // another user of the renderer
    if (channel == m_stripChannel) {
        if (request < m_shownStrip)
            return;
        m_shownStrip = request;
        if (samples.isImages()) {
            m_strip = sampleimage::grid(samples, samples.count, 2);
        } else {
            m_strip = sampleimage::scatter(m_real, samples.points, 160, 3.5, true);
        }
        const QPixmap strip = enlarged(m_strip, samples.isImages() ? kStripCell * samples.count : 160);
        m_stripView->setMinimumHeight(strip.height());
        m_stripView->setPixmap(strip);
        return;
    }
    if (request < m_shownRequest)
        return;  // an older render finishing late
    m_shownRequest = request;
    m_image = samples.isImages() ? sampleimage::image(samples, 0) : sampleimage::scatter(m_real, samples.points, kViewSize, 5.0);
    m_view->setPixmap(enlarged(m_image, kViewSize));
    if (samples.isImages())
        setStatus([step] { return tr("Generator from step %1").arg(step); });
    else
        setStatus([step, x = double(samples.points[0]), y = double(samples.points[1])] {
            return tr("Generator from step %1: G(z) = (%2, %3)").arg(step).arg(x, 0, 'f', 3).arg(y, 0, 'f', 3);
        });
    // Latency counts for this request and every older one it replaced (each measured from
    // its own move, so dropped moves count with their longer wait).
    const qint64 now = m_clock.nsecsElapsed();
    for (auto it = m_pending.begin(); it != m_pending.end() && it->first <= request;) {
        m_latencies.push_back(double(now - it->second) / 1e6);
        it = m_pending.erase(it);
    }
    emit imageShown(request);
}

std::vector<double> LatentExplorer::takeLatencies()
{
    std::vector<double> out;
    out.swap(m_latencies);
    return out;
}
