#pragma once

#include "steprecord.h"

#include <QElapsedTimer>
#include <QMetaType>
#include <QString>

#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

// Reads a run folder that another process writes (gan-playground-cli train, one process or the
// rank 0 of many, on this machine or on a shared file system) as it grows: the rows appended
// to metrics.csv (whole lines only; a file rewritten by a resume is read again from its start
// and only the steps past those already seen count), the sample grids that appear in
// samples/, whether checkpoint.pt was replaced, and whether a process still holds the folder's
// lock. Plain file reading, no torch and no threads: the training controller's follow thread
// polls it and loads the checkpoints it reports. The writer replaces files atomically
// (rename), so a file opened here is always whole; a checkpoint that still fails to load is
// tried again at the next change.
class RunFollower {
public:
    // `channels` x `side` x `side`: the run's images, to read its sample grids back (channels 0:
    // a 2D run, whose grids are pictures only; none are read).
    RunFollower(const QString &folder, int channels, int side);

    struct Update {
        std::vector<StepRecord> records;     // new rows, in step order
        std::vector<QualityRecord> quality;  // the measured ones among them
        std::vector<std::pair<std::int64_t, SampleBatch>> grids;  // new sample grids, in step order
        bool checkpointChanged = false;  // checkpoint.pt appeared or was replaced since the last poll
        QString problem;                 // why a file cannot be read now (empty when all is well)
    };
    Update poll();

    // Who holds the folder's lock: a process on this machine that is alive, one on another
    // machine (its liveness cannot be checked from here), or nobody (the run has ended).
    enum class Writer { Here, Elsewhere, Nobody };
    Writer writer() const;

    // What the window says of the run.
    enum class State {
        Waiting,  // no step written yet
        Writing,  // a process writes it
        Stale,    // a process holds it but nothing changed for kStaleMs
        Ended,    // no process holds it
    };
    State state(Writer writer) const;  // with writer() as it was just read
    State state() const { return state(writer()); }
    static constexpr qint64 kStaleMs = 120000;

    std::int64_t lastStep() const { return m_lastStep; }  // the newest row's step (0: none)
    double trainingSeconds() const { return m_seconds; }  // the rows' step times summed
    qint64 msSinceChange() const { return m_sinceChange.elapsed(); }
    QString folder() const { return m_folder; }

private:
    void readMetrics(Update *update);
    void readGrids(Update *update);
    bool checkpointReplaced();

    QString m_folder;
    int m_channels, m_side;
    // metrics.csv as read so far: the file (inode), how far, and its columns.
    std::optional<std::uint64_t> m_metricsInode;
    qint64 m_offset = 0;
    std::optional<steprecords::MetricsColumns> m_columns;  // from its header, once read
    std::int64_t m_lastStep = 0;
    std::int64_t m_lastGrid = 0;
    double m_seconds = 0;
    std::optional<std::pair<std::int64_t, std::int64_t>> m_checkpoint;  // its inode and modification time (ns)
    QElapsedTimer m_sinceChange;
};

// What the window shows of a followed run, after each look at its folder.
struct FollowStatus {
    QString folder;
    RunFollower::State state = RunFollower::State::Waiting;
    RunFollower::Writer writer = RunFollower::Writer::Nobody;
    std::int64_t step = 0;            // the newest step in metrics.csv
    std::int64_t checkpointStep = 0;  // the step of the checkpoint shown (0: none loaded yet)
    qint64 secondsSinceChange = 0;
    QString problem;  // a file that cannot be read now, or a checkpoint that would not load
};
Q_DECLARE_METATYPE(FollowStatus)
