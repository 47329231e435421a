#include "runs/runspanel.h"

#include "dashboard/trainingplots.h"
#include "lab/measuresplot.h"
#include "quality/qualityplot.h"
#include "widgets/widgetevents.h"

#include "session/runsession.h"
#include "training/sampleimage.h"
#include "training/trainingcontroller.h"

#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPainter>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include <cmath>

namespace {
constexpr int kThumb = 64;  // the small sample picture's side, in pixels
// The training's columns, after the run's name: steps, time, the last third's losses and D outputs.
const char *const kTrainingKeys[] = {"steps", "loss_d_last_third", "loss_g_last_third", "d_real_last_third", "d_fake_last_third", "seconds"};
constexpr int kTrainingDecimals[] = {0, 3, 3, 3, 3, 1};

QIcon swatch(const QColor &color)
{
    QPixmap p(14, 14);
    p.fill(color);
    return QIcon(p);
}
}  // namespace

RunsPanel::RunsPanel(TrainingPlots *plots, QualityPlot *quality, MeasuresPlot *measures, QWidget *parent)
    : QWidget(parent), m_plots(plots), m_quality(quality), m_measures(measures)
{
    setObjectName(QStringLiteral("runsPanel"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    auto *buttons = new QHBoxLayout;
    m_add = new QPushButton(this);
    m_add->setObjectName(QStringLiteral("addRunsButton"));
    m_remove = new QPushButton(this);
    buttons->addWidget(m_add);
    buttons->addWidget(m_remove);
    buttons->addStretch(1);
    layout->addLayout(buttons);
    m_table = new QTableWidget(this);
    m_table->setObjectName(QStringLiteral("runsTable"));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setIconSize(QSize(kThumb, kThumb));
    m_table->verticalHeader()->setVisible(false);
    m_table->verticalHeader()->setDefaultSectionSize(kThumb + 4);
    layout->addWidget(m_table, 1);
    m_message = new QLabel(this);
    m_message->setWordWrap(true);
    m_message->hide();
    layout->addWidget(m_message);

    connect(m_add, &QPushButton::clicked, this, &RunsPanel::addFolderWithDialog);
    connect(m_remove, &QPushButton::clicked, this, [this] {
        QList<int> rows;
        for (const QModelIndex &i : m_table->selectionModel()->selectedRows())
            if (!m_runs[size_t(i.row())].source)  // a run training now stays
                rows << i.row();
        std::sort(rows.begin(), rows.end(), std::greater<int>());
        for (int r : rows)
            m_runs.erase(m_runs.begin() + r);
        rebuild();
        sendOverlays();
    });
    connect(m_table, &QTableWidget::itemChanged, this, [this](QTableWidgetItem *item) {
        if (m_updating || item->column() != 0 || item->row() >= runCount())
            return;
        const bool ticked = item->checkState() == Qt::Checked;
        if (m_runs[size_t(item->row())].ticked != ticked) {
            m_runs[size_t(item->row())].ticked = ticked;
            sendOverlays();
        }
    });
    m_refresh.setInterval(1000);
    connect(&m_refresh, &QTimer::timeout, this, [this] {
        if (!m_dirty)
            return;
        m_dirty = false;
        bool overlaid = false;
        for (int r = 0; r < runCount(); ++r)
            if (m_runs[size_t(r)].source) {
                comparedruns::refresh(&m_runs[size_t(r)].run);
                updateRow(r);
                overlaid = overlaid || (m_runs[size_t(r)].ticked && !m_runs[size_t(r)].live);
            }
        if (overlaid)
            sendOverlays();
    });
    m_refresh.start();
    widgetevents::retranslated(this, [this] {
        m_add->setText(tr("Add Run Folder..."));
        m_add->setToolTip(tr("A run folder of gan-playground-cli train, a sweep's folder (all its runs) or a folder of run folders"));
        m_remove->setText(tr("Remove"));
        m_remove->setToolTip(tr("Takes the selected runs off the list (their folders stay on disk); the current run stays"));
        rebuild();
        sendOverlays();
    });
}

QColor RunsPanel::nextColor()
{
    // Tableau's ten without the live run's blue and orange.
    static const QColor colors[] = {QColor(44, 160, 44),   QColor(214, 39, 40),  QColor(148, 103, 189), QColor(140, 86, 75),
                                    QColor(227, 119, 194), QColor(127, 127, 127), QColor(188, 189, 34), QColor(23, 190, 207)};
    return colors[m_colors++ % int(std::size(colors))];
}

int RunsPanel::liveRow(const TrainingController *training) const
{
    for (int r = 0; r < runCount(); ++r)
        if (m_runs[size_t(r)].source == training)
            return r;
    return -1;
}

void RunsPanel::beginRun(TrainingController *training, RunSession *session, const ExperimentSpec &spec, bool drawnByPlots,
                         const QString &name)
{
    if (const int before = liveRow(training); before >= 0) {
        m_runs[size_t(before)].source = nullptr;  // finished: it can now be ticked and overlaid
        m_runs[size_t(before)].live = false;
    }
    Entry e;
    if (name.isEmpty())
        ++m_windowRuns;
    e.run.name = name.isEmpty() ? tr("%1 (window run %2)").arg(spec.name.isEmpty() ? tr("untitled") : spec.name).arg(m_windowRuns) : name;
    e.run.spec = spec;
    e.color = nextColor();
    e.live = drawnByPlots;
    e.ticked = !drawnByPlots;  // the window's own run is drawn live by the plots themselves
    e.source = training;
    m_runs.push_back(e);
    if (std::find(m_sources.begin(), m_sources.end(), training) == m_sources.end()) {
        m_sources.push_back(training);
        connect(training, &TrainingController::snapshot, this,
                [this, training](const TrainingSnapshot &snapshot) { onSnapshot(training, snapshot); });
        // A run that ended is listed as finished: it can be ticked and overlaid.
        connect(training, &TrainingController::stateChanged, this, [this, training](TrainingController::State state) {
            if (state != TrainingController::State::Idle)
                return;
            if (const int row = liveRow(training); row >= 0) {
                comparedruns::refresh(&m_runs[size_t(row)].run);
                m_runs[size_t(row)].source = nullptr;
                m_runs[size_t(row)].live = false;
                updateRow(row);
            }
        });
        connect(training, &QObject::destroyed, this, [this, training] {
            for (Entry &e : m_runs)
                if (e.source == training)
                    e.source = nullptr;
            m_sources.erase(std::remove(m_sources.begin(), m_sources.end(), training), m_sources.end());
        });
    }
    if (session)
        connect(session, &RunSession::labFrame, this, [this, training](const lab2d::Frame &frame) {
            const int row = liveRow(training);
            if (row < 0 || !frame.hasCoverage)
                return;
            auto &modes = m_runs[size_t(row)].run.modes;
            if (modes.empty() || double(frame.step) > modes.back().first)
                modes.emplace_back(double(frame.step), double(frame.coverage.captured));
            m_dirty = true;
        });
    if (session)  // the window's image measures of the run, for its FD curve
        connect(session, &RunSession::qualityMeasured, this, [this, training](const QualityRenderer::Measurement &m) {
            if (const int row = liveRow(training); row >= 0) {
                m_runs[size_t(row)].run.quality.push_back(m.record);
                m_dirty = true;
            }
        });
    if (session)
        connect(session, &RunSession::gridRendered, this, [this, training](qint64, const SampleBatch &samples) {
            const int row = liveRow(training);
            if (row < 0 || samples.count == 0)
                return;
            Entry &e = m_runs[size_t(row)];
            e.run.lastGrid = samples.isImages() ? sampleimage::grid(samples, 8) : sampleimage::scatter(e.realPoints, samples.points, 256);
            m_dirty = true;
        });
    rebuild();
    sendOverlays();
}

void RunsPanel::onSnapshot(const TrainingController *source, const TrainingSnapshot &snapshot)
{
    const int row = liveRow(source);
    if (row < 0)
        return;
    Entry &e = m_runs[size_t(row)];
    ComparedRun &run = e.run;
    if (!snapshot.realPoints.empty())
        e.realPoints = snapshot.realPoints;
    for (const StepRecord &r : snapshot.records)
        if (run.steps.empty() || r.step > run.steps.back().step)
            run.steps.push_back(r);
    run.quality.insert(run.quality.end(), snapshot.quality.begin(), snapshot.quality.end());
    if (snapshot.samples.count > 0) {
        const SampleBatch &samples = snapshot.samples;
        run.lastGrid = samples.isImages() ? sampleimage::grid(samples, 8) : sampleimage::scatter(e.realPoints, samples.points, 256);
    }
    m_dirty = true;
}

QString RunsPanel::addFolder(const QString &folder)
{
    std::vector<ComparedRun> found;
    const QString error = comparedruns::read(folder, &found);
    m_message->setVisible(!error.isEmpty());
    m_message->setText(error);
    if (!error.isEmpty())
        return error;
    for (ComparedRun &r : found) {
        // The same folder again: read anew, in its row.
        auto same = std::find_if(m_runs.begin(), m_runs.end(), [&](const Entry &e) { return !e.source && !r.folder.isEmpty() && e.run.folder == r.folder; });
        if (same != m_runs.end()) {
            same->run = std::move(r);
            continue;
        }
        Entry e;
        e.run = std::move(r);
        e.color = nextColor();
        m_runs.push_back(std::move(e));
    }
    rebuild();
    sendOverlays();
    return QString();
}

void RunsPanel::addFolderWithDialog()
{
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Add Run Folder"));
    if (!folder.isEmpty())
        addFolder(folder);
}

void RunsPanel::setTicked(int row, bool ticked)
{
    if (row < 0 || row >= runCount())
        return;
    m_runs[size_t(row)].ticked = ticked;
    updateRow(row);
    sendOverlays();
}

std::vector<QString> RunsPanel::measuredColumns() const
{
    std::vector<QString> keys;
    for (const Entry &e : m_runs)
        for (const sweep::Column &c : sweep::columns(e.run.spec)) {
            bool training = false;
            for (const char *k : kTrainingKeys)
                training = training || c.key == QLatin1String(k);
            if (training || c.key == QLatin1String("grad_g_first_third"))
                continue;
            if (e.run.figures.figures.count(c.key) && std::find(keys.begin(), keys.end(), c.key) == keys.end())
                keys.push_back(c.key);
        }
    return keys;
}

void RunsPanel::rebuild()
{
    m_updating = true;
    const std::vector<QString> measured = measuredColumns();
    // The run, its newest samples, what evaluate measured, then the training's figures.
    QStringList headers{tr("Run"), tr("Last samples")};
    for (const QString &key : measured)
        headers << sweep::column(key).value_or(sweep::Column{key, key, 3}).title;
    const int training = int(headers.size());
    headers << tr("Steps") << tr("D loss") << tr("G loss") << tr("D(x)") << tr("D(G(z))") << tr("Time (s)");
    m_table->setColumnCount(int(headers.size()));
    m_table->setHorizontalHeaderLabels(headers);
    for (int c = training + 1; c < training + 5; ++c)
        m_table->horizontalHeaderItem(c)->setToolTip(tr("Mean over the last third of the run's steps"));
    m_table->setRowCount(runCount());
    m_updating = false;
    for (int r = 0; r < runCount(); ++r)
        updateRow(r);
    m_table->resizeColumnsToContents();
}

void RunsPanel::updateRow(int row)
{
    if (row < 0 || row >= m_table->rowCount())
        return;
    m_updating = true;
    const Entry &e = m_runs[size_t(row)];
    auto *name = new QTableWidgetItem(swatch(e.color), e.source ? tr("%1, training").arg(e.run.name) : e.run.name);
    name->setFlags(e.live ? Qt::ItemIsEnabled | Qt::ItemIsSelectable : Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
    if (!e.live)
        name->setCheckState(e.ticked ? Qt::Checked : Qt::Unchecked);
    name->setToolTip(e.run.folder.isEmpty() ? (e.live ? tr("The current run: its curves are the plots' own (blue D, orange G)")
                                                      : tr("A run of this window"))
                                            : e.run.folder);
    m_table->setItem(row, 0, name);
    auto *thumb = new QTableWidgetItem;
    if (!e.run.lastGrid.isNull())
        thumb->setIcon(QIcon(QPixmap::fromImage(e.run.lastGrid.scaled(kThumb, kThumb, Qt::KeepAspectRatio, Qt::SmoothTransformation))));
    m_table->setItem(row, 1, thumb);
    std::vector<std::pair<QString, int>> cells;
    for (const QString &key : measuredColumns())
        cells.emplace_back(key, sweep::column(key).value_or(sweep::Column{key, key, 3}).decimals);
    for (size_t i = 0; i < std::size(kTrainingKeys); ++i)
        cells.emplace_back(QLatin1String(kTrainingKeys[i]), kTrainingDecimals[i]);
    for (size_t i = 0; i < cells.size(); ++i) {
        const auto it = e.run.figures.figures.find(cells[i].first);
        auto *item = new QTableWidgetItem(it != e.run.figures.figures.end() && std::isfinite(it->second)
                                              ? QString::number(it->second, 'f', cells[i].second)
                                              : QStringLiteral("-"));
        item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_table->setItem(row, int(i) + 2, item);
    }
    m_updating = false;
}

void RunsPanel::sendOverlays()
{
    std::vector<TrainingPlots::Overlay> steps;
    std::vector<QualityPlot::Overlay> quality;
    std::vector<MeasuresPlot::Overlay> modes;
    for (const Entry &e : m_runs) {
        if (!e.ticked || e.live)
            continue;
        steps.push_back({e.run.name, e.color, e.run.steps});
        if (!e.run.quality.empty())
            quality.push_back({e.run.name, e.color, e.run.quality});
        if (!e.run.modes.empty())
            modes.push_back({e.run.name, e.color, e.run.modes});
    }
    m_plots->setOverlays(steps);
    m_quality->setOverlays(quality);
    m_measures->setOverlays(modes);
}
