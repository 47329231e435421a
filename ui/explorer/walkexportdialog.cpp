#include "explorer/walkexportdialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QSpinBox>

namespace {
constexpr int kInterpolations = 2;  // a walk's first two paths: A to B
}  // namespace

WalkExportDialog::WalkExportDialog(bool grid, const QStringList &sliders, double range, int scale, QWidget *parent)
    : QDialog(parent), m_grid(grid), m_path(new QComboBox(this)), m_frames(new QSpinBox(this)), m_rows(new QSpinBox(this)),
      m_delay(new QSpinBox(this)), m_scale(new QSpinBox(this)), m_range(new QDoubleSpinBox(this)),
      m_loop(new QCheckBox(tr("There and back, so that it repeats without a jump"), this))
{
    setObjectName(QStringLiteral("exportDialog"));
    setWindowTitle(grid ? tr("Export grid") : tr("Export walk"));
    auto *form = new QFormLayout(this);
    m_path->setObjectName(QStringLiteral("exportPath"));
    if (!grid) {
        m_path->addItem(tr("A to B, straight line"));
        m_path->addItem(tr("A to B, great circle"));
    }
    for (const QString &name : sliders)
        m_path->addItem(tr("Along %1").arg(name));
    m_frames->setRange(2, grid ? 32 : 600);
    m_frames->setValue(grid ? 11 : 60);
    m_rows->setRange(1, 32);
    m_rows->setValue(5);
    m_range->setRange(0.5, 10);
    m_range->setSingleStep(0.5);
    m_range->setValue(range);
    m_delay->setRange(20, 2000);
    m_delay->setValue(80);
    m_delay->setSuffix(tr(" ms"));
    m_scale->setRange(1, 16);
    m_scale->setValue(scale);
    m_scale->setPrefix(QStringLiteral("×"));
    form->addRow(tr("Path:"), m_path);
    form->addRow(grid ? tr("Steps:") : tr("Frames:"), m_frames);
    if (grid)
        form->addRow(tr("Samples (rows):"), m_rows);
    else
        m_rows->hide();
    form->addRow(tr("Range ±"), m_range);
    if (!grid) {
        form->addRow(QString(), m_loop);
        form->addRow(tr("Frame delay:"), m_delay);
    } else {
        m_loop->hide();
        m_delay->hide();
    }
    form->addRow(tr("Enlarge:"), m_scale);
    auto *box = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(box, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(box, &QDialogButtonBox::rejected, this, &QDialog::reject);
    form->addRow(box);
    // A to B has no range: its ends are A and B.
    auto updateRange = [this] { m_range->setEnabled(direction() >= 0); };
    connect(m_path, &QComboBox::currentIndexChanged, this, updateRange);
    updateRange();
}

int WalkExportDialog::direction() const { return m_path->currentIndex() - (m_grid ? 0 : kInterpolations); }
int WalkExportDialog::frames() const { return m_frames->value(); }
int WalkExportDialog::rows() const { return m_rows->value(); }
double WalkExportDialog::range() const { return m_range->value(); }
bool WalkExportDialog::loop() const { return m_loop->isChecked(); }
int WalkExportDialog::delayMs() const { return m_delay->value(); }
int WalkExportDialog::scale() const { return m_scale->value(); }
