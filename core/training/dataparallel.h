#pragma once

#include <QString>

#include <memory>
#include <optional>

// Data-parallel training across processes with PyTorch's own c10d: a gloo process group over a
// TCP store (rank 0 serves it). Every rank builds the same networks from the same seed, draws
// the same global batch and noise and trains on its slice; after each backward pass the
// gradients are averaged across ranks (Trainer::joinDataParallel), so the run equals a run of
// one process up to float rounding (and BatchNorm's per-rank statistics, as in PyTorch's DDP).
// No torch here: the group lives in dataparallel_p.h.
struct DataParallelConfig {
    int rank = 0;
    int world = 1;
    QString masterAddress = QStringLiteral("127.0.0.1");
    int masterPort = 29500;
    int timeoutSeconds = 60;  // a collective that waits longer than this for a rank fails

    // torchrun's environment (RANK, WORLD_SIZE, MASTER_ADDR, MASTER_PORT), as Slurm wrappers and
    // Kubeflow's PyTorchJob set it: none when WORLD_SIZE is unset; an error when it is malformed.
    static std::optional<DataParallelConfig> fromEnvironment(QString *error);
};

class DataParallel {
public:
    // Joins the group (rank 0 serves the store and waits for the others). Null with `error`
    // naming the address and port when it cannot.
    static std::shared_ptr<DataParallel> connect(const DataParallelConfig &config, QString *error);
    ~DataParallel();

    int rank() const;
    int world() const;
    // Every rank's flag or'ed (a step that failed anywhere is undone everywhere). None, with
    // `error` saying which rank is gone (failure()), when the group failed.
    std::optional<bool> any(bool flag, QString *error);
    // After a collective failed with `what`: a sentence naming the rank that is gone. Every
    // live rank checks in with the store; rank 0 waits a moment (kCheckInSeconds, at most the
    // timeout) for the others and names those that did not come, and a rank that cannot reach
    // the store says that rank 0 is gone (lostRankZero()).
    QString failure(const QString &what);
    bool collectiveFailed() const;  // failure() was called: a collective of the group failed
    bool lostRankZero() const;
    static constexpr int kCheckInSeconds = 10;
    // Seconds this process has spent in the group's collectives (waiting for the others
    // included): the cost of training in several processes. Of them, those inside the steps
    // (averaging the gradients and the step's figures); the rest went to agreeing on each
    // step's stop (any()), mostly waiting for the slowest rank to finish its step.
    double collectiveSeconds() const;
    double averagingSeconds() const;
    // Gradient buckets sent so far: while backward ran (overlapped with it), and in all.
    int bucketsOverlapped() const;
    int bucketsSent() const;
    void resetCollectiveSeconds();  // the times and counts from now on (a benchmark's warm-up left out)

    struct Impl;
    Impl &impl() { return *d; }

private:
    explicit DataParallel(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> d;
};
