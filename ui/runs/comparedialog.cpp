#include "runs/comparedialog.h"

#include "spec/fieldpath.h"
#include "training/rundriver.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

CompareDialog::CompareDialog(const ExperimentSpec &spec, QWidget *parent)
    : QDialog(parent), m_spec(spec), m_key(new QComboBox(this)), m_value(new QLineEdit(this)), m_current(new QLabel(this)),
      m_problem(new QLabel(this))
{
    setObjectName(QStringLiteral("compareDialog"));
    setWindowTitle(tr("Compare With"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("A second run of this experiment with one change trains beside the window's run, from the same "
                                "seed, at the same time. Its 2D lab (or sample grid) appears beside the window's; the Runs panel "
                                "draws its curves over the plots."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto *form = new QFormLayout;
    m_key->setEditable(true);
    m_key->addItems(fieldpath::commonKeys());
    m_key->setToolTip(tr("As the experiment file names it: loss.kind, loss.r1_gamma, optimizers.generator.lr, "
                         "training.batch_size, generator.layers[g1].out, ..."));
    form->addRow(tr("Field:"), m_key);
    form->addRow(tr("Now:"), m_current);
    form->addRow(tr("Compare with:"), m_value);
    layout->addLayout(form);
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: #b00020"));
    m_problem->hide();
    layout->addWidget(m_problem);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &CompareDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &CompareDialog::reject);
    layout->addWidget(buttons);
    connect(m_key, &QComboBox::currentTextChanged, this, &CompareDialog::showCurrent);
    // The lessons' usual comparison first: another loss.
    if (spec.loss.kind == LossKind::Minimax)
        m_value->setText(QStringLiteral("non-saturating"));
    showCurrent();
    resize(520, sizeHint().height());
}

void CompareDialog::setChange(const QString &key, const QString &value)
{
    m_key->setCurrentText(key);
    m_value->setText(value);
}

void CompareDialog::showCurrent()
{
    QString error;
    const QString now = fieldpath::get(m_spec, m_key->currentText().trimmed(), &error);
    m_current->setText(error.isEmpty() ? now : tr("(not set in this experiment)"));
}

ExperimentSpec CompareDialog::changed(QString *error) const
{
    ExperimentSpec s = m_spec;
    *error = fieldpath::set(&s, m_key->currentText().trimmed(), m_value->text().trimmed());
    if (error->isEmpty() && s == m_spec)
        *error = tr("That is the experiment's own value; give another to compare with.");
    if (error->isEmpty())
        if (const QStringList problems = runsetup::problems(s); !problems.isEmpty())
            *error = problems.join(QLatin1Char('\n'));
    return s;
}

QString CompareDialog::description() const
{
    return QStringLiteral("%1 = %2").arg(m_key->currentText().trimmed(), m_value->text().trimmed());
}

void CompareDialog::accept()
{
    QString error;
    changed(&error);
    m_problem->setText(error);
    m_problem->setVisible(!error.isEmpty());
    if (error.isEmpty())
        QDialog::accept();
}
