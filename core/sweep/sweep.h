#pragma once

#include "spec/experimentspec.h"
#include "training/steprecord.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <map>
#include <optional>
#include <vector>

// A sweep: one experiment trained for every combination of some of its fields' values
// (fieldpath keys) on several seeds, each run an ordinary run folder
//   DIR/sweep.json                      the plan (the experiment, the fields varied, seeds, steps)
//   DIR/<combination>/experiment.json   the experiment with the combination's values
//   DIR/<combination>/seed-<S>/         the run (experiment.json, checkpoint.pt, metrics.csv,
//                                       samples/, evaluation.json once measured)
//   DIR/results.csv, results.md, runs.csv   the table
// so that everything that works on a run (sample, evaluate, the window's Runs panel) works on
// each. A run counts as finished when its evaluation.json is of the plan's last step.
namespace sweep {

struct Axis {
    QString key;          // as the experiment file names it ("loss.kind")
    QStringList values;   // as given ("minimax", "non-saturating")
};

struct Plan {
    ExperimentSpec base;  // its `steps` are the runs' steps
    QString source;       // "preset lesson-saturating" or the file's path
    std::vector<Axis> axes;
    std::vector<std::uint64_t> seeds;
    int evalCount = 2000;  // image runs: samples per measurement
};

// "KEY=V1,V2,..."; an empty string or a sentence naming what is wrong.
QString parseAxis(const QString &text, Axis *axis);
// "1-5", "1,3,9", "1-3,7"; an empty string or a sentence.
QString parseSeeds(const QString &text, std::vector<std::uint64_t> *seeds);

struct Combination {
    QStringList values;  // one per axis
    QString folder;      // its folder's name under the sweep's
    ExperimentSpec spec; // the base with those values
};
// Every combination, the last axis varying fastest. Each value is set through fieldpath (so a
// bad key or value is named as a file's would be) and each experiment checked as a run checks
// it; `errors` lists every problem (empty: all can run).
std::vector<Combination> combinations(const Plan &plan, QStringList *errors);
// "kind=minimax", "kind=minimax+lr=0.0002": the key's last part where that names it alone, else
// the whole key; characters a folder name should not hold become '_'.
QString folderName(const std::vector<Axis> &axes, const QStringList &values);
QString runFolder(const QString &dir, const Combination &c, std::uint64_t seed);

QString planPath(const QString &dir);
QByteArray planToJson(const Plan &plan);
// Reads DIR/sweep.json; an empty string or a message naming the file.
QString readPlan(const QString &dir, Plan *plan);

// What a run folder holds for the table: its metrics.csv summarised and its evaluation.json.
struct RunFigures {
    QString folder;
    bool exists = false;    // the folder holds a metrics.csv
    bool measured = false;  // evaluation.json was read
    std::int64_t steps = 0; // the last step in metrics.csv
    std::int64_t measuredStep = 0;
    double seconds = 0;     // the steps' wall time summed
    std::map<QString, double> figures;  // by column key (columns())
    QString problem;        // a file that could not be read
};
RunFigures readRun(const QString &folder);
// metrics.csv's rows (each step once, in order) and its measured rows; false when it cannot be read.
bool readMetrics(const QString &folder, std::vector<StepRecord> *steps, std::vector<QualityRecord> *quality);
// The training's figures of `steps` (the last step, the time, |grad G| over the first third,
// D(x), D(G(z)) and both losses over the last third) into `r`.
void summarise(const std::vector<StepRecord> &steps, RunFigures *r);
QString evaluationPath(const QString &runFolder);

struct Column {
    QString key;    // of RunFigures::figures and the CSV header
    QString title;  // in the current language
    int decimals;
};
// The figures that fit the data: 2D (modes, high-quality share, JS; own mode when conditional)
// or images (FD, KID, precision, recall, coverage; agreement with the class asked when
// conditional), then the training's (|grad G| over the first third of the steps, D(G(z)) over
// the last third), the steps and the time.
std::vector<Column> columns(const ExperimentSpec &spec);
// The column of `key`, whatever the data (a table of runs of both kinds titles its columns so).
std::optional<Column> column(const QString &key);

struct Stat {
    int n = 0;
    double mean = 0, sd = 0;   // sd: the sample standard deviation (0 for one run)
    std::vector<double> values;  // per seed, in the plan's order (NaN where missing)
};
struct Row {
    QStringList values;       // one per axis
    int finished = 0;         // runs measured at the plan's last step
    std::vector<Stat> stats;  // one per column
};
struct Table {
    QStringList keys;          // the axes' keys
    std::vector<Column> columns;
    std::vector<Row> rows;
    std::vector<std::uint64_t> seeds;
    int expected = 0;          // runs per row
};
Table build(const Plan &plan, const QString &dir);
QByteArray csv(const Table &table);      // a row per combination: the values, runs, then mean and sd per column
QByteArray runsCsv(const Plan &plan, const QString &dir);  // a row per run
QString markdown(const Table &table);    // mean ± sd, and each seed's value in order
// Writes results.csv, results.md and runs.csv into `dir`; an empty string or a message.
QString writeTable(const Plan &plan, const QString &dir, const Table &table);

}  // namespace sweep
