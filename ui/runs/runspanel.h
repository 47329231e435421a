#pragma once

#include "session/comparedruns.h"

#include <QColor>
#include <QTimer>
#include <QWidget>

#include <vector>

class QLabel;
class QPushButton;
class QTableWidget;
class RunSession;
class TrainingController;
class TrainingPlots;
struct TrainingSnapshot;

// The Runs panel: the runs made since the window opened and run folders added from disk (a
// sweep's folder adds all its runs), each with a colour and a tick. Ticked runs are drawn over
// the live run's loss, D output and gradient plots, with a legend; the table lists every run's
// final figures (the training's over its last third of steps, and what evaluate measured) and
// its newest sample picture, small. The current run stays live in its row.
class RunsPanel : public QWidget {
    Q_OBJECT
public:
    // Ticked runs are overlaid on `plots`, `quality` (their FD, when measured) and `measures`
    // (the modes the window's 2D lab counted).
    RunsPanel(TrainingPlots *plots, class QualityPlot *quality, class MeasuresPlot *measures, QWidget *parent = nullptr);

    // A new run that `training` trains in this window (its session started): the previous run of
    // the same controller stays listed, finished. The window's own run (`drawnByPlots`) is the
    // plots' live curves; another (a comparison's) is overlaid live, in its colour. `name`
    // replaces the experiment's name in the list.
    void beginRun(TrainingController *training, RunSession *session, const ExperimentSpec &spec, bool drawnByPlots,
                  const QString &name = QString());
    QColor colorOf(int row) const { return m_runs[size_t(row)].color; }
    // The row of the run `training` trains now (-1: none).
    int liveRow(const TrainingController *training) const;
    // The runs of a folder (a run, a sweep's folder, a folder of runs); an empty string or
    // what is wrong, naming the folder (also shown in the panel).
    QString addFolder(const QString &folder);
    void addFolderWithDialog();

    int runCount() const { return int(m_runs.size()); }
    const ComparedRun &run(int row) const { return m_runs[size_t(row)].run; }
    bool isTicked(int row) const { return m_runs[size_t(row)].ticked; }
    void setTicked(int row, bool ticked);
    QTableWidget *table() const { return m_table; }

private:
    struct Entry {
        ComparedRun run;
        QColor color;
        bool ticked = true;
        bool live = false;              // the window's own run, drawn by the plots themselves
        const TrainingController *source = nullptr;  // the controller training it now; null when finished
        std::vector<float> realPoints;  // a 2D run's real points, for its small picture
    };
    void onSnapshot(const TrainingController *source, const TrainingSnapshot &snapshot);
    void rebuild();          // the columns and every row
    void updateRow(int row);
    void sendOverlays();
    QColor nextColor();
    std::vector<QString> measuredColumns() const;  // keys of sweep::columns() some run has

    TrainingPlots *m_plots;
    class QualityPlot *m_quality;
    class MeasuresPlot *m_measures;
    QTableWidget *m_table;
    QPushButton *m_add;
    QPushButton *m_remove;
    QLabel *m_message;
    std::vector<Entry> m_runs;
    int m_colors = 0;         // colours handed out
    int m_windowRuns = 0;     // runs of this window so far, to number them
    bool m_dirty = false;     // a live row has news
    QTimer m_refresh;         // the live rows, at most once a second
    std::vector<const TrainingController *> m_sources;  // connected once each
    bool m_updating = false;  // rows being filled: their ticks are not the user's
};
