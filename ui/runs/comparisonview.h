#pragma once

#include "spec/experimentspec.h"

#include <QWidget>

#include <memory>

class Lab2dView;
class QLabel;
class RunSession;
class SampleView;
class TrainingController;

// Training > Compare With...: the open experiment with one change (a loss, a regulariser, a
// learning rate) trained as a second run beside the window's own, from the same seed. The two
// take turns a step at a time (StepTurns, each on its own thread), so a paused, stepped or slowed
// window run holds this one at its step; it stops when the window's run stops. It shows its own 2D lab (or sample grid) here, in a dock beside the window's, so a class
// sees both at once; the Runs panel overlays its curves on the plots in its colour.
class ComparisonView : public QWidget {
    Q_OBJECT
public:
    explicit ComparisonView(QWidget *parent = nullptr);
    ~ComparisonView() override;  // the comparison's run stops and its threads end

    // Starts `spec` (the window's experiment with `change` made, "loss.kind = non-saturating");
    // a comparison still running ends first.
    void start(const ExperimentSpec &spec, const QString &change);
    void stop();
    // The window's run changed state (it stops with it) or pace.
    void followState(int state);
    void setSpeed(double stepsPerSecond);
    void setTitleColor(const QColor &color);

    TrainingController *training() const { return m_training; }
    RunSession *session() const { return m_session.get(); }
    Lab2dView *lab() const { return m_lab; }          // null before the first comparison
    SampleView *samples() const { return m_samples; }
    QString change() const { return m_change; }

signals:
    // A new comparison run: the Runs panel lists it.
    void started(TrainingController *training, RunSession *session, const ExperimentSpec &spec, const QString &name);

private:
    void requestFrame();
    void showTitle();
    void makeViews();  // at the first comparison: until then the window has one lab and one grid

    TrainingController *m_training;
    std::unique_ptr<RunSession> m_session;
    ExperimentSpec m_spec;
    QString m_change;
    QLabel *m_title;
    Lab2dView *m_lab = nullptr;
    SampleView *m_samples = nullptr;
};
