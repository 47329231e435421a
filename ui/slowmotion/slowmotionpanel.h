#pragma once

#include "training/substepreport.h"

#include <QWidget>

class BatchStrip;
class ModelDiagram;
class QLabel;
class QPushButton;

// Training in slow motion: each press of Next Substep takes one substep of a real training
// step (TrainingController::substep) and this panel says what happened in it: the model
// diagram with the part at work highlighted, one sentence of narration, the loss formula with
// this step's numbers, and for images the batch with D's scores (2D runs ring the batch in the
// 2D lab instead).
class SlowMotionPanel : public QWidget {
    Q_OBJECT
public:
    explicit SlowMotionPanel(QWidget *parent = nullptr);

    void showReport(const SubstepReport &report);
    // The experiment's loss: its formulas are shown while no step is taken slowly.
    void setLoss(const LossSpec &loss);
    // The run is idle, running or paused: what pressing Next Substep will do.
    enum class RunState { Idle, Running, Paused };
    void setRunState(RunState state);
    // Whether the Next button can act now (it follows Training > Slow Motion), and, where that
    // is known, why not (its tooltip then).
    void setNextAllowed(bool allowed, const QString &whyNot);
    // A snapshot reached `step`: a step half done here was finished by Step or Resume.
    void stepReached(std::int64_t step);
    void clear();

    const SubstepReport &report() const { return m_report; }
    bool hasReport() const { return m_report.step > 0; }
    QString narration() const;  // the sentence shown now
    QString formulaText() const;  // the formula shown now (rich text)
    QPushButton *nextButton() const { return m_next; }
    ModelDiagram *diagram() const { return m_diagram; }

    // The heading and the sentence for a report, as shown.
    static QString heading(Substep s);
    static QString narrate(const SubstepReport &r);

signals:
    void nextRequested();
    void finishRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void updateHint();
    void showIntroduction();  // before the first substep: what slow motion is, the loss formulas
    void showFinished();      // the step under way was finished at once (Step, Resume)
    void applyFonts();

    ModelDiagram *m_diagram;
    QLabel *m_title;
    QLabel *m_narration;
    QLabel *m_formula;
    QLabel *m_batchCaption;
    BatchStrip *m_strip;
    QPushButton *m_next;
    QPushButton *m_finish;
    QLabel *m_hint;
    SubstepReport m_report;
    LossSpec m_loss;
    RunState m_state = RunState::Idle;
};
