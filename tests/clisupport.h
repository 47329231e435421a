#pragma once

// Runs gan-playground-cli (GP_CLI) as a script would, for the tests of the command line.

#include "testsupport.h"

#include <QFile>
#include <QProcess>
#include <QString>
#include <QStringList>

#include <csignal>
#include <functional>
#include <sys/resource.h>

struct Run {
    int code = -1;  // -1: killed by a signal (an abort) or still running after the timeout
    QString out, err;
};

// Limits the child may run under: `fileSize` > 0 runs the program as on a disk with that much
// room per file (writes past it fail with EFBIG, as they fail with ENOSPC on a full disk);
// `addressSpace` > 0 as under `ulimit -v`.
struct Limits {
    qint64 fileSize = 0;
    qint64 addressSpace = 0;
};

inline void applyLimits(QProcess &p, const Limits &limits)
{
    if (limits.fileSize <= 0 && limits.addressSpace <= 0)
        return;
    p.setChildProcessModifier([limits] {
        if (limits.fileSize > 0) {
            std::signal(SIGXFSZ, SIG_IGN);  // a failed write, not a killed process
            const rlimit limit{rlim_t(limits.fileSize), rlim_t(limits.fileSize)};
            setrlimit(RLIMIT_FSIZE, &limit);
        }
        if (limits.addressSpace > 0) {
            const rlimit limit{rlim_t(limits.addressSpace), rlim_t(limits.addressSpace)};
            setrlimit(RLIMIT_AS, &limit);
        }
    });
}

inline Run finished(QProcess &p, int timeoutMs)
{
    // A program that never started is not a timeout: say which, and where its path comes from.
    if (!p.waitForStarted(timeoutMs) && p.error() == QProcess::FailedToStart)
        return {-1, QString(),
                QStringLiteral("cannot start \"%1\": %2 (the tests take the programs' paths from GP_CLI and GP_GUI, which ctest "
                               "sets; run them through ctest)")
                    .arg(p.program(), p.errorString())};
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        return {-1, QString(), QStringLiteral("timed out")};
    }
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

inline Run cli(const QStringList &args, const Limits &limits = {}, int timeoutMs = 300000 * kSlowdown)
{
    QProcess p;
    applyLimits(p, limits);
    p.start(qEnvironmentVariable("GP_CLI"), args);
    return finished(p, timeoutMs);
}

// `train` of the ring of 8 Gaussians (mlp-ring8, one thread) into `out`: a run made in seconds.
inline QStringList ringTraining(const QString &out, int steps, const QStringList &more = {})
{
    return QStringList{QStringLiteral("train"), QStringLiteral("--preset"), QStringLiteral("mlp-ring8"), QStringLiteral("--out"), out,
                       QStringLiteral("--steps"), QString::number(steps), QStringLiteral("--threads"), QStringLiteral("1")}
        + more;
}

inline void writeBytes(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    QCOMPARE(f.write(bytes), bytes.size());
}

inline QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}
