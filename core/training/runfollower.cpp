#include "runfollower.h"

#include "rundirectory.h"
#include "sampleimage.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QLockFile>
#include <QSysInfo>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <sys/stat.h>

namespace {
// Messages a user reads: translated (context "RunFollower").
struct Text {
    Q_DECLARE_TR_FUNCTIONS(RunFollower)
};

// The file's inode and modification time (ns), or none when it is not there.
std::optional<std::pair<std::int64_t, std::int64_t>> identity(const QString &path)
{
    struct stat st {};
    if (::stat(QFile::encodeName(path).constData(), &st) != 0 || !S_ISREG(st.st_mode))
        return std::nullopt;
    return std::make_pair(std::int64_t(st.st_ino), std::int64_t(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec);
}

constexpr qint64 kMaxRead = qint64(64) << 20;  // metrics.csv read at most this much a poll
}  // namespace

RunFollower::RunFollower(const QString &folder, int channels, int side) : m_folder(folder), m_channels(channels), m_side(side)
{
    m_sinceChange.start();
}

RunFollower::Update RunFollower::poll()
{
    Update update;
    readMetrics(&update);
    readGrids(&update);
    update.checkpointChanged = checkpointReplaced();
    if (!update.records.empty() || !update.grids.empty() || update.checkpointChanged)
        m_sinceChange.restart();
    return update;
}

void RunFollower::readMetrics(Update *update)
{
    const RunDirectory run(m_folder);
    const auto id = identity(run.metricsPath());
    if (!id) {
        if (QFile::exists(run.metricsPath()))
            update->problem = Text::tr("%1 is not a regular file").arg(run.metricsPath());
        return;  // not written yet
    }
    QFile file(run.metricsPath());
    if (!file.open(QIODevice::ReadOnly)) {
        update->problem = Text::tr("%1: cannot read it (%2)").arg(run.metricsPath(), file.errorString());
        return;
    }
    // A new file (a resume rewrites it whole) or a shorter one: read again from the start; the
    // rows of steps already seen are skipped.
    if (!m_metricsInode || *m_metricsInode != std::uint64_t(id->first) || file.size() < m_offset) {
        m_metricsInode = std::uint64_t(id->first);
        m_offset = 0;
        m_columns.reset();
    }
    if (!file.seek(m_offset))
        return;
    const QByteArray chunk = file.read(kMaxRead);
    const qsizetype end = chunk.lastIndexOf('\n');
    if (end < 0)
        return;  // no whole line yet
    m_offset += end + 1;
    const QList<QByteArray> lines = chunk.left(end).split('\n');
    for (const QByteArray &raw : lines) {
        if (!m_columns) {  // the header
            m_columns.emplace(raw);
            if (!m_columns->hasSteps()) {
                update->problem = Text::tr("%1 has no step column; it is not a run's metrics.csv").arg(run.metricsPath());
                m_columns.reset();
                m_offset = 0;
                return;
            }
            continue;
        }
        const QList<QByteArray> cells = raw.trimmed().split(',');
        if (cells.size() != m_columns->count())
            continue;  // a row cut short (a full disk): the writer's problem, not a step
        StepRecord r;
        if (!m_columns->steps(cells, &r) || r.step <= m_lastStep)
            continue;
        m_lastStep = r.step;
        m_seconds += r.seconds;
        update->records.push_back(r);
        if (QualityRecord q; m_columns->quality(cells, &q))
            update->quality.push_back(q);
    }
}

void RunFollower::readGrids(Update *update)
{
    if (m_channels <= 0)
        return;
    const QDir dir(RunDirectory(m_folder).samplesDir());
    std::vector<std::pair<std::int64_t, QString>> found;
    for (const QString &name : dir.entryList({QStringLiteral("step_*.png")}, QDir::Files)) {
        bool ok = false;
        const std::int64_t step = name.mid(5, name.size() - 9).toLongLong(&ok);
        if (ok && step > m_lastGrid)
            found.emplace_back(step, dir.filePath(name));
    }
    std::sort(found.begin(), found.end());
    for (const auto &[step, path] : found) {
        SampleBatch batch = sampleimage::fromGrid(QImage(path), m_channels, m_side, m_side);
        m_lastGrid = step;
        if (batch.count > 0)
            update->grids.emplace_back(step, std::move(batch));
    }
}

bool RunFollower::checkpointReplaced()
{
    const auto id = identity(RunDirectory(m_folder).checkpointPath());
    if (!id || id == m_checkpoint)
        return false;
    m_checkpoint = id;
    return true;
}

RunFollower::Writer RunFollower::writer() const
{
    QLockFile lock(QDir(m_folder).filePath(QStringLiteral(".lock")));
    qint64 pid = 0;
    QString host, application;
    if (!lock.getLockInfo(&pid, &host, &application))
        return Writer::Nobody;  // no lock file: the writer released it
    if (host != QSysInfo::machineHostName())
        return Writer::Elsewhere;
    return pid > 0 && (::kill(pid_t(pid), 0) == 0 || errno == EPERM) ? Writer::Here : Writer::Nobody;
}

RunFollower::State RunFollower::state(Writer w) const
{
    if (w == Writer::Nobody)
        return m_lastStep > 0 || m_checkpoint ? State::Ended : State::Waiting;
    if (m_sinceChange.elapsed() >= kStaleMs)
        return State::Stale;
    return m_lastStep > 0 ? State::Writing : State::Waiting;
}
