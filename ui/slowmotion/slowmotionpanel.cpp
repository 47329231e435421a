#include "slowmotion/slowmotionpanel.h"

#include "slowmotion/batchstrip.h"
#include "slowmotion/modeldiagram.h"
#include "widgets/lossformulas.h"
#include "widgets/widgetevents.h"

#include "spec/losskinds.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

namespace {
constexpr double kFormulaScale = 1.3;  // the formula reads larger than the narration: the back of the room
constexpr double kTitleScale = 1.2;
constexpr int kShownLatents = 4;       // of z's values in the narration

bool wasserstein(LossKind k) { return losskind::info(k).critic; }

QString percentOf(double part, double whole)
{
    return whole > 0 ? QString::number(100.0 * part / whole, 'g', 2) : QStringLiteral("0");
}
}  // namespace

SlowMotionPanel::SlowMotionPanel(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("slowMotion"));
    // The explanation scrolls (large type on a small projector must not clip it); the buttons
    // stay in view below it.
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto *content = new QWidget(scroll);
    auto *layout = new QVBoxLayout(content);
    scroll->setWidget(content);
    outer->addWidget(scroll, 1);
    m_diagram = new ModelDiagram(this);
    layout->addWidget(m_diagram);
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("slowMotionTitle"));
    m_title->setWordWrap(true);
    layout->addWidget(m_title);
    m_formula = new QLabel(this);
    m_formula->setObjectName(QStringLiteral("slowMotionFormula"));
    m_formula->setWordWrap(true);
    m_formula->setTextFormat(Qt::RichText);
    m_formula->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_formula->setStyleSheet(QStringLiteral("background: palette(base); padding: 6px"));
    layout->addWidget(m_formula);
    m_narration = new QLabel(this);
    m_narration->setObjectName(QStringLiteral("slowMotionNarration"));
    m_narration->setWordWrap(true);
    m_narration->setTextFormat(Qt::RichText);
    layout->addWidget(m_narration);
    m_batchCaption = new QLabel(this);
    m_batchCaption->setWordWrap(true);
    layout->addWidget(m_batchCaption);
    m_strip = new BatchStrip(this);
    layout->addWidget(m_strip);
    layout->addStretch(1);

    auto *buttons = new QHBoxLayout;
    buttons->setContentsMargins(6, 0, 6, 0);
    m_next = new QPushButton(this);
    m_next->setObjectName(QStringLiteral("nextSubstep"));
    m_next->setDefault(true);
    m_finish = new QPushButton(this);
    m_finish->setObjectName(QStringLiteral("finishStep"));
    connect(m_next, &QPushButton::clicked, this, &SlowMotionPanel::nextRequested);
    connect(m_finish, &QPushButton::clicked, this, &SlowMotionPanel::finishRequested);
    buttons->addWidget(m_next, 2);
    buttons->addWidget(m_finish, 1);
    outer->addLayout(buttons);
    m_hint = new QLabel(this);
    m_hint->setWordWrap(true);
    m_hint->setContentsMargins(6, 0, 6, 6);
    outer->addWidget(m_hint);
    applyFonts();
    clear();
    widgetevents::retranslated(this, [this] {
        m_finish->setText(tr("Finish Step"));
        m_finish->setToolTip(tr("Run the rest of this step at once (as Step does)"));
        if (!hasReport())
            showIntroduction();
        else if (m_report.complete)
            showFinished();
        else
            showReport(m_report);
    });
}

void SlowMotionPanel::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange)
        applyFonts();  // presentation mode scaled the window's type: the larger parts follow
}

void SlowMotionPanel::applyFonts()
{
    QFont title = font();
    title.setBold(true);
    title.setPointSizeF(font().pointSizeF() * kTitleScale);
    m_title->setFont(title);
    QFont formula = font();
    formula.setPointSizeF(font().pointSizeF() * kFormulaScale);
    m_formula->setFont(formula);
    QFont button = font();
    button.setBold(true);
    m_next->setFont(button);
}

QString SlowMotionPanel::heading(Substep s)
{
    switch (s) {
    case Substep::Draw:
        return tr("Draw a batch");
    case Substep::Generate:
        return tr("The generator makes fakes");
    case Substep::Score:
        return tr("The discriminator scores both");
    case Substep::DiscriminatorLoss:
        return tr("The discriminator's loss");
    case Substep::DiscriminatorUpdate:
        return tr("The discriminator learns");
    case Substep::GeneratorLoss:
        return tr("The generator's loss and gradients");
    case Substep::GeneratorUpdate:
        return tr("The generator learns");
    }
    return QString();
}

QString SlowMotionPanel::narrate(const SubstepReport &r)
{
    const bool critic = wasserstein(r.loss.kind);
    const bool twoD = !r.real.isImages();
    auto num = [](double v) { return LossFormulas::number(v); };
    switch (r.substep) {
    case Substep::Draw: {
        QStringList z;
        for (size_t i = 0; i < r.z.size() && i < size_t(kShownLatents); ++i)
            z << num(r.z[i]);
        if (r.z.size() > size_t(kShownLatents))
            z << QStringLiteral("…");
        QString text = tr("A batch of %1 real samples is drawn from the training data, and %1 noise vectors <i>z</i> from the "
                          "prior; the first is <i>z</i> = (%2). Nothing has been computed yet.")
                           .arg(r.batchSize)
                           .arg(z.join(QStringLiteral(", ")));
        if (r.classes > 0 && !r.realLabels.empty() && !r.fakeLabels.empty())
            text += QLatin1Char(' ')
                + tr("This run is conditional: each real sample comes with its class <i>y</i> (the first is of class %1), and "
                     "each <i>z</i> with a class asked of the generator, drawn uniformly from the %2 classes (the first: %3). "
                     "Both networks are told the class of every sample they see.")
                      .arg(r.realLabels.front())
                      .arg(r.classes)
                      .arg(r.fakeLabels.front());
        return text;
    }
    case Substep::Generate:
        return (twoD ? tr("The generator maps each noise vector to a point: these %1 fakes <i>G</i>(<i>z</i>) (ringed in dark "
                          "orange) are what D will judge. G learns nothing in this substep.")
                     : tr("The generator maps each noise vector to an image: these %1 fakes <i>G</i>(<i>z</i>) are what D will "
                          "judge. G learns nothing in this substep."))
            .arg(r.batchSize);
    case Substep::Score:
        if (critic)
            return tr("The critic scores both halves of the batch: on average %1 for the real samples and %2 for the fakes. "
                      "Only the difference matters: higher means \"more real\".")
                .arg(num(r.meanReal), num(r.meanFake));
        return tr("The discriminator scores both halves of the batch: on average it gives the real samples <i>D</i>(<i>x</i>) = "
                  "%1 and the fakes <i>D</i>(<i>G</i>(<i>z</i>)) = %2 (1 means sure it is real, 0 sure it is fake).")
            .arg(num(r.meanReal), num(r.meanFake));
    case Substep::DiscriminatorLoss:
        return tr("The discriminator's loss says how wrong those scores are: <i>L</i><sub>D</sub> = %1. Backpropagation gives "
                  "its gradient with respect to every weight of D, of norm %2.")
            .arg(num(r.lossD), num(r.gradNormD));
    case Substep::DiscriminatorUpdate: {
        QString s = tr("The discriminator takes one optimiser step against that gradient: its weights move by %1 (%2 % of "
                       "their size).")
                        .arg(num(r.updateNormD), percentOf(r.updateNormD, r.weightNormD));
        if (r.loss.kind == LossKind::Wasserstein)
            s += QLatin1Char(' ') + tr("Then every weight is clipped to [−%1, %1].").arg(num(r.loss.clip));
        if (twoD)
            s += QLatin1Char(' ') + tr("The heatmap in the 2D lab now shows the updated D.");
        if (r.dUpdate < r.dUpdates)
            s += QLatin1Char(' ') + tr("D gets %1 updates per generator update: a new batch comes next.").arg(r.dUpdates);
        return s;
    }
    case Substep::GeneratorLoss: {
        QString s = tr("Now the generator's turn. Its loss is computed through the updated discriminator, which gives the fakes "
                       "%1 on average: <i>L</i><sub>G</sub> = %2. Its gradient flows back through D into G's weights (norm %3).")
                        .arg(num(r.meanFakeAfter), num(r.lossG), num(r.gradNormG));
        if (twoD)
            s += QLatin1Char(' ') + tr("The arrows show where the loss pushes each fake.");
        if (r.loss.kind == LossKind::Minimax)
            s += QLatin1Char(' ') + tr("With the minimax loss these pushes fade while D rejects the fakes confidently.");
        return s;
    }
    case Substep::GeneratorUpdate: {
        QString s = tr("The generator takes one optimiser step: its weights move by %1 (%2 % of their size).")
                        .arg(num(r.updateNormG), percentOf(r.updateNormG, r.weightNormG));
        if (twoD && r.moved.count > 0)
            s += QLatin1Char(' ') + tr("The same noise now lands where the dashed lines end.");
        else if (twoD)
            s += QLatin1Char(' ') + tr("(G has BatchNorm or Dropout, so its new points show with the next samples.)");
        return s + QLatin1Char(' ') + tr("Step %1 is complete.").arg(r.step);
    }
    }
    return QString();
}

void SlowMotionPanel::showReport(const SubstepReport &r)
{
    m_report = r;
    m_diagram->setCritic(wasserstein(r.loss.kind));
    m_diagram->setSubstep(int(r.substep));
    QString title = tr("Step %1 · substep %2 of %3: %4").arg(r.step).arg(int(r.substep)).arg(kSubstepCount).arg(heading(r.substep));
    if (r.dUpdates > 1)
        title += QStringLiteral(" · ") + tr("D update %1 of %2").arg(r.dUpdate).arg(r.dUpdates);
    m_title->setText(title);
    m_narration->setText(narrate(r));
    QString formula;
    if (r.substep < Substep::DiscriminatorLoss)
        formula = LossFormulas::discriminator(r.loss) + QStringLiteral("<br>") + LossFormulas::generator(r.loss.kind);
    else if (r.substep < Substep::GeneratorLoss)
        formula = LossFormulas::discriminatorWithNumbers(r);
    else
        formula = LossFormulas::discriminatorWithNumbers(r) + QStringLiteral("<br>") + LossFormulas::generatorWithNumbers(r);
    if (const QString others = LossFormulas::others(r.loss); !others.isEmpty())
        formula += QStringLiteral("<br><small>%1</small>").arg(others);
    m_formula->setText(formula);
    if (r.real.isImages()) {
        m_strip->show();
        m_strip->setBatch(r.real, r.fake, r.realScores, r.fakeScores);
        m_batchCaption->setText(tr("The first %1 of the batch's %2 samples, with D's score under each once it has scored them.")
                                    .arg(r.real.count)
                                    .arg(r.batchSize));
    } else {
        m_strip->hide();
        m_batchCaption->setText(tr("In the 2D lab the batch is ringed: green the real samples, dark orange the fakes."));
    }
    updateHint();
}

void SlowMotionPanel::setLoss(const LossSpec &loss)
{
    m_loss = loss;
    if (!hasReport()) {
        m_formula->setText(LossFormulas::definition(m_loss));
        m_diagram->setCritic(wasserstein(m_loss.kind));
    }
}

void SlowMotionPanel::setRunState(RunState state)
{
    m_state = state;
    updateHint();
}

void SlowMotionPanel::stepReached(std::int64_t step)
{
    if (hasReport() && !m_report.complete && step >= m_report.step) {
        m_report.complete = true;
        showFinished();
    }
}

void SlowMotionPanel::showFinished()
{
    showReport(m_report);  // the narration of the substep it was at
    m_diagram->setSubstep(0);
    m_title->setText(tr("Step %1 was finished at once").arg(m_report.step));
    updateHint();
}

void SlowMotionPanel::clear()
{
    m_report = SubstepReport();
    m_report.step = 0;
    m_diagram->setSubstep(0);
    m_batchCaption->clear();
    m_strip->clear();
    m_strip->hide();
    showIntroduction();
}

void SlowMotionPanel::showIntroduction()
{
    m_title->setText(tr("Training in slow motion"));
    m_narration->setText(tr("Each press of Next Substep runs one of the seven substeps of a real training step, and this panel "
                            "shows what happened in it, with the numbers of this very step."));
    m_formula->setText(LossFormulas::definition(m_loss));
    m_diagram->setCritic(wasserstein(m_loss.kind));
    updateHint();
}

void SlowMotionPanel::updateHint()
{
    m_formula->setVisible(!m_formula->text().isEmpty());
    const bool halfDone = hasReport() && !m_report.complete;
    switch (m_state) {
    case RunState::Idle:
        m_next->setText(tr("Start in Slow Motion"));
        m_hint->setText(tr("Starts the experiment paused and takes its first substep."));
        break;
    case RunState::Running:
        m_next->setText(tr("Pause and Go Slow"));
        m_hint->setText(tr("Training runs at full speed. Pausing lets you take the next step substep by substep."));
        break;
    case RunState::Paused:
        m_next->setText(halfDone ? tr("Next Substep ▶") : tr("Next Step in Slow Motion ▶"));
        m_hint->setText(halfDone ? tr("Resume or Step finish this step at once. Stop undoes the half-done step.")
                                 : tr("Paused between two steps."));
        break;
    }
    m_finish->setEnabled(m_state == RunState::Paused && halfDone);
}

void SlowMotionPanel::setNextAllowed(bool allowed, const QString &whyNot)
{
    m_next->setEnabled(allowed);
    m_next->setToolTip(allowed ? QString() : whyNot);
}

QString SlowMotionPanel::narration() const { return m_narration->text(); }

QString SlowMotionPanel::formulaText() const { return m_formula->text(); }
