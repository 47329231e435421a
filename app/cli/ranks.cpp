#include "cli.h"

#include "training/dataparallel.h"

#include <QProcess>
#include <QProcessEnvironment>

#include <arpa/inet.h>
#include <csignal>
#include <cstring>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <memory>
#include <vector>

// Several processes of one run (data-parallel on c10d): the options, torchrun's environment and
// the launcher of --nproc, for train and bench.
namespace cli {

QList<QCommandLineOption> rankOptions()
{
    return {{QStringLiteral("nproc"),
             Text::tr("Run N processes on this machine (data-parallel over PyTorch's c10d on loopback; the batch is shared among "
                      "them). A launcher that sets RANK, WORLD_SIZE, MASTER_ADDR and MASTER_PORT (torchrun, srun) runs one "
                      "process per rank instead."),
             QStringLiteral("N")},
            {QStringLiteral("dist-timeout"), Text::tr("Seconds a rank waits for the others before the run ends (default 60)."),
             QStringLiteral("S")}};
}

bool readRanks(const QCommandLineParser &parser, Ranks *ranks, int *exitCode)
{
    qint64 processes = 1, timeout = 60;
    if (!intOption(parser, QStringLiteral("nproc"), 1, 64, &processes, exitCode)
        || !intOption(parser, QStringLiteral("dist-timeout"), 1, 86400, &timeout, exitCode))
        return false;
    QString error;
    ranks->config = DataParallelConfig::fromEnvironment(&error);
    if (!error.isEmpty()) {
        *exitCode = fail(error);
        return false;
    }
    if (processes > 1 && ranks->config) {
        *exitCode = usage(Text::tr("--nproc starts the ranks itself; under a launcher (WORLD_SIZE is set) give no --nproc"));
        return false;
    }
    ranks->processes = int(processes);
    if (ranks->config)
        ranks->config->timeoutSeconds = int(timeout);
    return true;
}

bool joinRanks(const Ranks &ranks, Trainer &trainer, std::shared_ptr<DataParallel> *group, int *exitCode)
{
    group->reset();
    if (!ranks.config || ranks.config->world <= 1)
        return true;
    QString error;
    *group = DataParallel::connect(*ranks.config, &error);
    if (*group)
        error = trainer.joinDataParallel(*group);
    if (error.isEmpty())
        return true;
    *exitCode = fail(error);
    return false;
}

QString collectiveShare(const DataParallel &group, double stepSeconds)
{
    return Text::tr("%1 processes; this one waited %2% of its step time for gradients and figures to be averaged across "
                    "them (for the slowest rank too), and %3 s more agreeing on each step's stop; %4 of %5 gradient buckets "
                    "were sent while backward still ran")
        .arg(group.world())
        .arg(QString::number(stepSeconds > 0 ? 100.0 * group.averagingSeconds() / stepSeconds : 0.0, 'f', 1))
        .arg(QString::number(group.collectiveSeconds() - group.averagingSeconds(), 'f', 1))
        .arg(group.bucketsOverlapped())
        .arg(group.bucketsSent());
}

namespace {
// A TCP port on loopback that nothing listens on now, for the ranks' store.
int freePort()
{
    const int s = ::socket(AF_INET, SOCK_STREAM, 0);
    if (s < 0)
        return 29500;
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = 0;
    socklen_t length = sizeof(address);
    int port = 29500;
    if (::bind(s, reinterpret_cast<sockaddr *>(&address), sizeof(address)) == 0
        && ::getsockname(s, reinterpret_cast<sockaddr *>(&address), &length) == 0)
        port = ntohs(address.sin_port);
    ::close(s);
    return port;
}

}  // namespace

// `train --nproc N` (and bench's): N processes of this program, ranks 0 to N-1 of one run, in torchrun's
// environment on loopback; waits for all and ends with the worst exit status. Ctrl-C reaches
// them as it reaches this process (one process group); SIGTERM and SIGHUP are passed on.
int launchRanks(const QString &command, const QStringList &args, int count)
{
    QStringList childArgs{command};
    for (qsizetype i = 1; i < args.size(); ++i) {
        if (args[i] == QLatin1String("--nproc") || args[i] == QLatin1String("-nproc")) {
            ++i;  // and its value
            continue;
        }
        if (args[i].startsWith(QLatin1String("--nproc=")))
            continue;
        childArgs << args[i];
    }
    const int port = freePort();
    std::vector<std::unique_ptr<QProcess>> ranks;
    std::vector<qint64> pids;  // QProcess forgets them once they end
    for (int rank = 0; rank < count; ++rank) {
        auto p = std::make_unique<QProcess>();
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("WORLD_SIZE"), QString::number(count));
        env.insert(QStringLiteral("RANK"), QString::number(rank));
        env.insert(QStringLiteral("LOCAL_RANK"), QString::number(rank));
        env.insert(QStringLiteral("MASTER_ADDR"), QStringLiteral("127.0.0.1"));
        env.insert(QStringLiteral("MASTER_PORT"), QString::number(port));
        p->setProcessEnvironment(env);
        p->setProcessChannelMode(QProcess::ForwardedChannels);
        p->start(QCoreApplication::applicationFilePath(), childArgs);
        if (!p->waitForStarted())
            return fail(Text::tr("cannot start rank %1: %2").arg(rank).arg(p->errorString()));
        pids.push_back(p->processId());
        ranks.push_back(std::move(p));
    }
    setSavesOnInterrupt(true);  // the ranks save; this process waits for them
    bool passedOn = false;
    int worst = kExitOk;
    for (bool running = true; running;) {
        running = false;
        for (auto &p : ranks)
            if (p->state() != QProcess::NotRunning && !p->waitForFinished(100))
                running = true;
        if (interrupted && !passedOn && interruptingSignal() != SIGINT) {
            for (auto &p : ranks)
                if (p->state() != QProcess::NotRunning)
                    ::kill(pid_t(p->processId()), interruptingSignal());
            passedOn = true;
        }
    }
    for (int rank = 0; rank < count; ++rank) {
        const QProcess &p = *ranks[size_t(rank)];
        const int code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : kExitUserError;
        // A signal this launcher did not pass on: say which rank it ended (Qt's exit code of a
        // crashed process is the signal's number).
        if (p.exitStatus() == QProcess::CrashExit && !interrupted)
            QTextStream(stderr) << "gan-playground-cli: "
                                << Text::tr("rank %1 (process %2) was ended by signal %3 (%4)")
                                       .arg(rank)
                                       .arg(pids[size_t(rank)])
                                       .arg(p.exitCode())
                                       .arg(QString::fromLocal8Bit(::strsignal(p.exitCode())))
                                << Qt::endl;
        if (code != kExitOk && worst == kExitOk)
            worst = code;
    }
    setSavesOnInterrupt(false);
    return worst;
}

}  // namespace cli
