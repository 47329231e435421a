#pragma once

#include "discriminatorcopy.h"
#include "generatorcopy.h"
#include "runfollower.h"
#include "spec/experimentspec.h"
#include "stepturns.h"
#include "substepreport.h"
#include "trainingsnapshot.h"

#include <QObject>
#include <QString>

#include <memory>

// Runs one experiment on its own thread, which owns the data, the networks and the optimisers.
// Lives in the GUI thread: commands are calls, results are queued signals carrying values.
// The producer throttles (a snapshot at most every snapshotInterval ms, fresh samples at most
// every sampleInterval ms); destroying the controller stops the run and waits for its thread.
class TrainingController : public QObject {
    Q_OBJECT
public:
    // Following: showing a run that another process trains (follow()).
    enum class State { Idle, Loading, Running, Paused, Following };
    Q_ENUM(State)

    explicit TrainingController(QObject *parent = nullptr);
    ~TrainingController() override;

    State state() const;
    bool isActive() const { return state() != State::Idle; }

    // Starts a run of a copy of `spec`: loads its data on the training thread, then trains up to
    // spec.steps. With `checkpoint`, the run continues from that file. With `paused`, it waits
    // for resume() or step() once loaded. False when a run is already active. With `reshuffle`, a
    // checkpoint trained on data of another size goes on with a new shuffle of the data.
    //
    // A checkpoint whose data cannot be loaded, or now holds another number of samples (and no
    // `reshuffle`), still opens, paused, with a stand-in for its data: its generator is
    // published for the explorer, and dataUnavailable says why it cannot train.
    bool start(const ExperimentSpec &spec, const QString &checkpoint = QString(), bool paused = false, bool reshuffle = false);
    // Follows the run folder `folder` that another process writes (File > Follow Run..., a
    // command-line run of one process or many): its new metrics.csv rows come as snapshots
    // (with the grids of samples/ as their samples), the networks of each new checkpoint as
    // copies (generatorPublished, discriminatorPublished), and followed() says what the writer
    // does, about every kFollowPollMs. `spec` is the run's experiment. Nothing is written and
    // nothing trains; stop() ends it. False when a run is active.
    bool follow(const QString &folder, const ExperimentSpec &spec);
    static constexpr int kFollowPollMs = 500;
    void pause();
    void resume();
    void step();  // one training step while paused (the rest of it when one is half done)
    // Slow motion: the next substep of a training step while paused, answered by substepDone.
    void substep();
    void stop();  // ends the run after the current step; stateChanged(Idle) follows
    // Saves a checkpoint between two steps; answered by checkpointSaved.
    void saveCheckpoint(const QString &path);

    // The pace of a running run, in steps a second (0: as fast as it goes, the default). Takes
    // effect at once, also mid-run; kept for the next runs. Snapshots and network copies
    // follow each step at slow paces.
    void setSpeed(double stepsPerSecond);
    double speed() const;

    // The intra-op threads of the running run from its next step on (0: its spec's count). A
    // front end that shares the machine with the run moves this while it trains; each run
    // starts with its spec's count.
    void setThreads(int threads);

    // Runs started from now on take turns with the other run given the same `turns` (index 0 or
    // 1): a step only while not ahead of it (StepTurns). Null: alone, as by default.
    void setTurns(std::shared_ptr<StepTurns> turns, int index);

    // Image measures of the running run's generator copies, kept with the run (its checkpoints
    // save them; a resumed run's first snapshot brings them back).
    void addQuality(const QualityRecord &record);

    void setSnapshotInterval(int milliseconds);
    // How often snapshots carry fresh fixed-noise samples; a negative interval means never (a
    // front end that renders the grid from the published generator copies saves the training
    // thread that work).
    void setSampleInterval(int milliseconds);

signals:
    void stateChanged(TrainingController::State state);
    void loadingProgress(double fraction);
    void snapshot(const TrainingSnapshot &snapshot);
    // A new frozen generator, at most about once a second and whenever the run pauses or ends.
    void generatorPublished(std::shared_ptr<GeneratorCopy> generator);
    // For 2D data, with each generator copy, a frozen discriminator of the same step (the 2D lab).
    void discriminatorPublished(std::shared_ptr<DiscriminatorCopy> discriminator);
    // What a slow-motion substep did. After a D update a fresh discriminator copy follows (2D
    // data); after the last substep, a snapshot with the step's record and fresh copies.
    void substepDone(const SubstepReport &report);
    // The run reached its step budget; it is paused there (resume() trains on).
    void budgetReached(qint64 step);
    // The run stopped on an error (bad data, NaN, ...); the message names the step or file.
    void failed(const QString &message);
    // The run was opened without its data (see start): `message` says why; `trainedOn` > 0 when
    // the data is there but holds another number of samples than the run was trained on (a
    // start with `reshuffle` goes on with it).
    void dataUnavailable(const QString &message, qint64 trainedOn);
    // A followed run's state (follow()), after each look at its folder that found something new,
    // and every few seconds.
    void followed(const FollowStatus &status);
    // Another run took the followed folder (train --overwrite): the following ends (Idle
    // follows); follow the folder again to show the new run from its start.
    void followedRunReplaced(const QString &folder);
    // `step`: the step the checkpoint holds (0 when nothing was saved).
    void checkpointSaved(const QString &path, const QString &error, qint64 step = 0);

private:
    struct Impl;
    std::unique_ptr<Impl> d;
    void setState(State s);
};
