#include "dashboard/sampleview.h"

#include "widgets/classpoints.h"
#include "widgets/palettecolors.h"
#include "widgets/widgetevents.h"
#include "widgets/history.h"

#include "io/gifwriter.h"
#include "training/sampleimage.h"

#include <QLabel>
#include <QMouseEvent>
#include <QPainter>
#include <QSlider>
#include <QStackedWidget>
#include <QVBoxLayout>

#include <qcustomplot.h>

namespace {
constexpr int kGridColumns = 8;
constexpr int kGridGap = 2;
}  // namespace

SampleView::SampleView(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_stack = new QStackedWidget(this);
    m_grid = new QLabel(m_stack);
    m_grid->setObjectName(QStringLiteral("sampleGrid"));
    m_grid->setAlignment(Qt::AlignCenter);
    m_grid->setMinimumSize(240, 240);
    m_grid->installEventFilter(this);
    m_stack->addWidget(m_grid);

    m_scatter = new QCustomPlot(m_stack);
    m_scatter->setObjectName(QStringLiteral("sampleScatter"));
    m_scatter->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    m_scatter->legend->setVisible(true);
    m_scatter->setNotAntialiasedElements(QCP::aePlottables);  // a thousand discs: keep repaints cheap
    palettecolors::followPalette(m_scatter);
    m_realGraph = m_scatter->addGraph();
    m_realGraph->setLineStyle(QCPGraph::lsNone);
    m_realGraph->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, QColor(31, 119, 180, 120), 4));
    m_fakeGraph = m_scatter->addGraph();
    m_fakeGraph->setLineStyle(QCPGraph::lsNone);
    m_fakeGraph->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, QColor(255, 127, 14, 200), 5));
    m_fakes = std::make_unique<ClassPoints>(m_scatter, m_fakeGraph, 5);
    m_stack->addWidget(m_scatter);
    layout->addWidget(m_stack, 1);

    auto *row = new QHBoxLayout;
    m_timeline = new QSlider(Qt::Horizontal, this);
    m_timeline->setObjectName(QStringLiteral("sampleTimeline"));
    m_timeline->setEnabled(false);
    m_caption = new QLabel(this);
    m_caption->setMinimumWidth(110);
    row->addWidget(m_timeline, 1);
    row->addWidget(m_caption);
    layout->addLayout(row);
    connect(m_timeline, &QSlider::valueChanged, this, [this](int v) { showEntry(v); });
    widgetevents::retranslated(this, [this] {
        m_grid->setToolTip(tr("Samples from the same fixed noise throughout the run: watch them sharpen. Click one to explore around it."));
        m_realGraph->setName(tr("real data"));
        m_fakeGraph->setName(tr("generated"));
        m_scatter->replot(QCustomPlot::rpQueuedReplot);
        m_timeline->setToolTip(tr("Scrub back through earlier samples of this run; the right end follows the newest"));
        showCaption();
    });
}

SampleView::~SampleView() = default;

void SampleView::showCaption()
{
    m_caption->setText(m_shown < 0 ? tr("no samples yet") : tr("step %1").arg(m_history[size_t(m_shown)].step));
}

void SampleView::setRealPoints(const std::vector<float> &points)
{
    m_real = points;
    QVector<double> x, y;
    for (size_t i = 0; i + 1 < points.size(); i += 2) {
        x.append(points[i]);
        y.append(points[i + 1]);
    }
    m_realGraph->setData(x, y);
    m_scatter->rescaleAxes();
    m_scatter->replot(QCustomPlot::rpQueuedReplot);
}

void SampleView::setClasses(const QStringList &names, const std::vector<int> &gridLabels)
{
    m_classNames = names;
    m_gridLabels = gridLabels;
    m_fakes->setClasses(names);  // 2D: the generated points of each class in its colour, as in the 2D lab
    if (m_shown >= 0)
        showEntry(m_shown);
}

void SampleView::addSamples(std::int64_t step, const SampleBatch &samples)
{
    if (samples.count == 0)
        return;
    if (!m_history.empty() && step <= m_history.back().step) {
        // A followed run's saved grid and its checkpoint's render are of one step: the newer
        // replaces the older. The timeline goes forward only.
        if (step == m_history.back().step) {
            m_history.back().samples = samples;
            if (m_shown == int(m_history.size()) - 1)
                showEntry(m_shown);
        }
        return;
    }
    const bool following = m_shown < 0 || m_shown == int(m_history.size()) - 1;
    int shown = m_shown;
    if (int(m_history.size()) >= kMaxHistory)
        shown = thinHistory(m_history, m_shown);  // a grid scrubbed to stays shown
    m_history.push_back({step, samples});
    m_timeline->setEnabled(m_history.size() > 1);
    const QSignalBlocker block(m_timeline);
    m_timeline->setRange(0, int(m_history.size()) - 1);
    const int show = following ? int(m_history.size()) - 1 : shown;
    m_timeline->setValue(show);
    showEntry(show);
}

void SampleView::clear()
{
    m_history.clear();
    m_shown = -1;
    m_image = QImage();
    m_grid->clear();
    m_realGraph->data()->clear();
    m_fakes->clear();
    m_timeline->setEnabled(false);
    showCaption();
}

void SampleView::showEntry(int index)
{
    if (index < 0 || index >= int(m_history.size()))
        return;
    m_shown = index;
    const Entry &e = m_history[size_t(index)];
    showCaption();
    if (e.samples.isImages()) {
        m_stack->setCurrentWidget(m_grid);
        showGrid(e.samples);
    } else {
        m_stack->setCurrentWidget(m_scatter);
        // Conditional: each grid point in the colour of the class it was asked as.
        m_fakes->setPoints(e.samples.points, m_gridLabels);
        if (m_realGraph->dataCount() == 0)
            m_scatter->rescaleAxes();
        m_scatter->replot(QCustomPlot::rpQueuedReplot);
    }
}

void SampleView::showGrid(const SampleBatch &samples)
{
    m_image = sampleimage::grid(samples, kGridColumns, kGridGap);
    const QSize area = m_grid->size().expandedTo(QSize(1, 1));
    const int rows = (samples.count + kGridColumns - 1) / kGridColumns;
    // Class names beside the rows when each row is one class (a conditional run's grid).
    const bool named = !m_classNames.isEmpty() && rows == int(m_classNames.size());
    int nameWidth = 0;
    if (named) {
        const QFontMetrics metrics(m_grid->font());
        for (const QString &name : m_classNames)
            nameWidth = std::max(nameWidth, metrics.horizontalAdvance(name));
        nameWidth = std::min(nameWidth + 8, area.width() / 3);
    }
    const QImage scaled = m_image.scaled(std::max(1, area.width() - nameWidth), area.height(), Qt::KeepAspectRatio,
                                         Qt::FastTransformation);
    QPixmap canvas(nameWidth + scaled.width(), scaled.height());
    canvas.fill(Qt::transparent);
    {
        QPainter painter(&canvas);
        painter.drawImage(nameWidth, 0, scaled);
        if (named) {
            painter.setPen(m_grid->palette().color(QPalette::WindowText));
            painter.setFont(m_grid->font());
            const double rowHeight = double(scaled.height()) / rows;
            for (int r = 0; r < rows; ++r)
                painter.drawText(QRectF(0, r * rowHeight, nameWidth - 6, rowHeight), Qt::AlignRight | Qt::AlignVCenter,
                                 painter.fontMetrics().elidedText(m_classNames[r], Qt::ElideRight, nameWidth - 6));
        }
    }
    m_grid->setPixmap(canvas);
    // The label centres the pixmap; the cells are right of the names.
    const QPoint origin((area.width() - canvas.width()) / 2, (area.height() - canvas.height()) / 2);
    m_cells = QRect(origin + QPoint(nameWidth, 0), scaled.size());
}

QImage SampleView::currentGrid() const { return m_image; }

std::int64_t SampleView::currentStep() const
{
    return m_shown >= 0 ? m_history[size_t(m_shown)].step : -1;
}

QString SampleView::saveCurrent(const QString &path)
{
    if (m_shown < 0)
        return tr("there are no samples to save yet");
    if (m_history[size_t(m_shown)].samples.isImages())
        return sampleimage::savePng(m_image, path);
    return m_scatter->savePng(path) ? QString() : tr("cannot write %1").arg(path);
}

QString SampleView::exportTimeline(const QString &path, int delayMs, const std::function<void(double)> &progress) const
{
    if (m_history.empty())
        return tr("there are no samples to export yet");
    std::vector<QImage> frames;
    frames.reserve(m_history.size());
    for (size_t i = 0; i < m_history.size(); ++i) {
        const SampleBatch &samples = m_history[i].samples;
        frames.push_back(samples.isImages() ? sampleimage::grid(samples, kGridColumns, kGridGap)
                                            : sampleimage::scatter(m_real, samples.points, 400, 2.5));
        if (progress)
            progress(0.8 * double(i + 1) / double(m_history.size()));
    }
    const QString error = gifwriter::write(path, frames, delayMs);
    if (progress)
        progress(1.0);
    return error;
}

bool SampleView::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_grid && event->type() == QEvent::Resize && m_shown >= 0)
        showEntry(m_shown);
    if (watched == m_grid && event->type() == QEvent::MouseButtonPress && !m_image.isNull() && m_cells.isValid()) {
        // Map the click through the scaled grid to a cell (the image is gap + columns x cell wide).
        const QPoint p = static_cast<QMouseEvent *>(event)->position().toPoint() - m_cells.topLeft();
        if (p.x() >= 0 && p.y() >= 0 && p.x() < m_cells.width() && p.y() < m_cells.height()) {
            const int col = p.x() * kGridColumns / m_cells.width();
            const int rows = (m_history[size_t(m_shown)].samples.count + kGridColumns - 1) / kGridColumns;
            const int row = p.y() * rows / m_cells.height();
            const int index = row * kGridColumns + std::min(col, kGridColumns - 1);
            if (index < m_history[size_t(m_shown)].samples.count)
                emit sampleClicked(index);
        }
    }
    return QWidget::eventFilter(watched, event);
}
