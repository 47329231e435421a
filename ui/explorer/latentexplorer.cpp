#include "explorer/latentexplorer.h"

#include "training/latentrenderer.h"
#include "training/sampleimage.h"
#include "widgets/widgetevents.h"

#include <QComboBox>
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

QPixmap enlarged(const QImage &image, int width)
{
    if (image.isNull())
        return QPixmap();
    const int scale = std::max(1, width / std::max(1, image.width()));
    return QPixmap::fromImage(image.scaled(image.size() * scale, Qt::IgnoreAspectRatio, Qt::FastTransformation));
}
}  // namespace

LatentExplorer::LatentExplorer(LatentRenderer *renderer, QWidget *parent)
    : QWidget(parent), m_renderer(renderer), m_singleChannel(renderer->newChannel()), m_stripChannel(renderer->newChannel())
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
    buttons->addStretch(1);
    row->addLayout(buttons);
    layout->addLayout(row);

    m_sliderBox = new QWidget(this);
    m_sliderGrid = new QGridLayout(m_sliderBox);
    m_sliderGrid->setContentsMargins(0, 0, 0, 0);
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
    m_mode->addItems({QString(), QString()});  // linear, spherical
    m_steps = new QSpinBox(interp);
    m_steps->setRange(2, 16);
    m_steps->setValue(8);
    auto *stepsLabel = new QLabel(interp);
    interpRow->addWidget(m_mode);
    interpRow->addWidget(stepsLabel);
    interpRow->addWidget(m_steps);
    interpRow->addStretch(1);
    interpLayout->addLayout(interpRow);
    m_stripView = new QLabel(interp);
    m_stripView->setObjectName(QStringLiteral("interpolationStrip"));
    m_stripView->setMinimumHeight(kStripCell);
    interpLayout->addWidget(m_stripView);
    layout->addWidget(interp);

    connect(m_mode, &QComboBox::currentIndexChanged, this, &LatentExplorer::renderStrip);
    connect(m_steps, &QSpinBox::valueChanged, this, &LatentExplorer::renderStrip);
    connect(m_count, &QSpinBox::valueChanged, this, [this](int n) {
        QSettings().setValue(QStringLiteral("latent/sliders"), n);
        setSliderCount(n);
    });
    connect(m_renderer, &LatentRenderer::rendered, this, &LatentExplorer::onRendered);
    connect(m_renderer, &LatentRenderer::failed, this, [this](int, const QString &message) {
        setStatus([message] { return message; });
    });
    m_count->setValue(QSettings().value(QStringLiteral("latent/sliders"), kDefaultSliders).toInt());
    setSliderCount(m_count->value());
    updateEnabled();
    setStatus([] { return tr("Start training: the explorer uses the newest generator the run publishes (about once a second)."); });
    widgetevents::retranslated(this, [=] {
        auto name = [](QPushButton *b, const QString &text, const QString &tip) {
            b->setText(text);
            b->setToolTip(tip);
        };
        name(random, tr("Random z"), tr("Draw a new latent vector from the prior"));
        name(resetButton, tr("Reset"), tr("Back to the vector last picked or drawn"));
        name(useA, tr("Use as A"), tr("Start of the interpolation"));
        name(useB, tr("Use as B"), tr("End of the interpolation"));
        countLabel->setText(tr("Sliders:"));
        m_count->setToolTip(tr("How many latent dimensions get a slider (the first ones); the others keep their values"));
        interp->setTitle(tr("Interpolation from A to B"));
        m_mode->setItemText(0, tr("Linear"));
        m_mode->setItemText(1, tr("Spherical"));
        m_mode->setToolTip(tr("Linear mixes the two vectors; spherical follows the great circle, keeping the norm typical of the prior"));
        m_steps->setToolTip(tr("Images in the strip, A and B included"));
        stepsLabel->setText(tr("Steps:"));
        if (m_strip.isNull())
            m_stripView->setText(tr("Choose A and B."));
        for (size_t i = 0; i < m_sliders.size(); ++i)
            m_sliders[i]->setToolTip(sliderTip(int(i)));
        m_status->setText(m_describeStatus());
    });
}

QString LatentExplorer::sliderTip(int dimension) { return tr("Latent dimension %1, from -3 to 3").arg(dimension + 1); }

void LatentExplorer::setStatus(std::function<QString()> describe)
{
    m_describeStatus = std::move(describe);
    m_status->setText(m_describeStatus());
}

LatentExplorer::~LatentExplorer() = default;

void LatentExplorer::setGenerator(std::shared_ptr<GeneratorCopy> generator)
{
    if (!generator)
        return;
    const int dim = generator->latentDim();
    const bool first = !m_hasGenerator || dim != m_latentDim;
    m_latentDim = dim;
    m_hasGenerator = true;
    setStatus([step = generator->step()] { return tr("Generator from step %1").arg(step); });
    m_evalLatents = generator->evalLatents();
    m_uniformPrior = generator->spec().prior == LatentPrior::Uniform;
    const std::vector<float> firstSample = generator->evalLatent(0);
    m_renderer->setGenerator(std::move(generator));
    if (first) {
        m_z = firstSample.empty() ? std::vector<float>(size_t(dim), 0.0f) : firstSample;
        m_origin = m_z;
        m_a.clear();
        m_b.clear();
        setSliderCount(m_count->value());
    }
    updateEnabled();
    render(false);  // the same z through newer weights
    renderStrip();
}

void LatentExplorer::setRealPoints(const std::vector<float> &points) { m_real = points; }

void LatentExplorer::clear()
{
    m_hasGenerator = false;
    m_pending.clear();
    m_image = QImage();
    m_strip = QImage();
    m_view->clear();
    m_stripView->setText(tr("Choose A and B."));
    setStatus([] { return tr("Waiting for the run's first generator..."); });
    updateEnabled();
}

void LatentExplorer::updateEnabled()
{
    for (QSlider *s : m_sliders)
        s->setEnabled(m_hasGenerator);
}

void LatentExplorer::setSliderCount(int count)
{
    const int wanted = m_latentDim > 0 ? std::min(count, m_latentDim) : count;
    while (int(m_sliders.size()) > wanted) {
        delete m_sliders.back();
        delete m_values.back();
        m_sliders.pop_back();
        m_values.pop_back();
        // The row's name label is the grid's remaining item in that row.
        if (QLayoutItem *item = m_sliderGrid->itemAtPosition(int(m_sliders.size()), 0)) {
            delete item->widget();
        }
    }
    while (int(m_sliders.size()) < wanted) {
        const int i = int(m_sliders.size());
        auto *name = new QLabel(QStringLiteral("z%1").arg(i + 1), m_sliderBox);
        auto *slider = new QSlider(Qt::Horizontal, m_sliderBox);
        slider->setRange(-3 * kSliderScale, 3 * kSliderScale);
        slider->setToolTip(sliderTip(i));
        auto *value = new QLabel(m_sliderBox);
        value->setMinimumWidth(value->fontMetrics().horizontalAdvance(QStringLiteral("-3.00")));
        connect(slider, &QSlider::valueChanged, this, [this, i, value](int v) {
            if (size_t(i) >= m_z.size())
                return;
            m_z[size_t(i)] = float(v) / kSliderScale;
            value->setText(QString::number(double(v) / kSliderScale, 'f', 2));
            render();
        });
        m_sliderGrid->addWidget(name, i, 0);
        m_sliderGrid->addWidget(slider, i, 1);
        m_sliderGrid->addWidget(value, i, 2);
        m_sliders.push_back(slider);
        m_values.push_back(value);
    }
    syncSliders();
    updateEnabled();
}

void LatentExplorer::syncSliders()
{
    for (size_t i = 0; i < m_sliders.size(); ++i) {
        const QSignalBlocker block(m_sliders[i]);
        const float v = i < m_z.size() ? m_z[i] : 0.0f;
        m_sliders[i]->setValue(int(std::lround(std::clamp(v, -3.0f, 3.0f) * kSliderScale)));
        m_values[i]->setText(QString::number(v, 'f', 2));
    }
}

void LatentExplorer::setLatent(const std::vector<float> &z)
{
    if (m_latentDim > 0 && int(z.size()) != m_latentDim)
        return;
    m_z = z;
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

std::vector<float> LatentExplorer::interpolate(const std::vector<float> &a, const std::vector<float> &b, double t, bool spherical)
{
    std::vector<float> out(a.size());
    double wa = 1.0 - t, wb = t;
    if (spherical) {
        double dot = 0, na = 0, nb = 0;
        for (size_t i = 0; i < a.size(); ++i) {
            dot += double(a[i]) * b[i];
            na += double(a[i]) * a[i];
            nb += double(b[i]) * b[i];
        }
        const double cosine = na > 0 && nb > 0 ? std::clamp(dot / std::sqrt(na * nb), -1.0, 1.0) : 1.0;
        const double omega = std::acos(cosine);
        // Nearly parallel vectors: the great circle is a straight line.
        if (std::sin(omega) > 1e-6) {
            wa = std::sin((1.0 - t) * omega) / std::sin(omega);
            wb = std::sin(t * omega) / std::sin(omega);
        }
    }
    for (size_t i = 0; i < a.size(); ++i)
        out[i] = float(wa * a[i] + wb * b[i]);
    return out;
}

void LatentExplorer::render(bool byUser)
{
    if (!m_hasGenerator || int(m_z.size()) != m_latentDim)
        return;
    const quint64 number = m_renderer->request(m_singleChannel, m_z, 1);
    if (byUser)
        m_pending[number] = m_clock.nsecsElapsed();
}

void LatentExplorer::renderStrip()
{
    if (!m_hasGenerator || int(m_a.size()) != m_latentDim || int(m_b.size()) != m_latentDim)
        return;
    const int n = m_steps->value();
    std::vector<float> latents;
    latents.reserve(size_t(n) * size_t(m_latentDim));
    for (int i = 0; i < n; ++i) {
        const std::vector<float> z = interpolate(m_a, m_b, double(i) / (n - 1), m_mode->currentIndex() == 1);
        latents.insert(latents.end(), z.begin(), z.end());
    }
    m_renderer->request(m_stripChannel, std::move(latents), n);
}

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
