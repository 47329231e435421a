#pragma once

#include "spec/experimentspec.h"
#include "sweep/sweep.h"
#include "training/steprecord.h"

#include <QImage>
#include <QString>

#include <utility>
#include <vector>

// A run shown beside others (the window's Runs panel): read from a run folder, or the window's
// own run as it trains. Plain values: the panel keeps them, the plots overlay their steps.
struct ComparedRun {
    QString name;      // the folder's name, or "kind=minimax/seed-1" inside a sweep
    QString folder;    // empty: a run of this window
    ExperimentSpec spec;
    std::vector<StepRecord> steps;
    std::vector<QualityRecord> quality;
    sweep::RunFigures figures;  // the steps summarised, and the folder's evaluation.json
    QImage lastGrid;            // the newest sample picture
    // 2D runs: modes captured by step, as the window's 2D lab counted them live or as
    // train --eval-every wrote them to a run folder's measures.csv.
    std::vector<std::pair<double, double>> modes;
};

namespace comparedruns {

// `folder`: one run folder, a sweep's folder (each of its runs, in the sweep's order) or a
// folder whose subfolders are run folders. An empty string or a message naming the folder.
QString read(const QString &folder, std::vector<ComparedRun> *runs);
// The newest samples/step_*.png of a run folder (null when it has none).
QImage lastGrid(const QString &folder);
// The figures of `run` again from its steps (a window's run as it trains; a folder's
// evaluation.json figures are kept).
void refresh(ComparedRun *run);

}  // namespace comparedruns
