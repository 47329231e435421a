#include "recovery.h"

#include "io/atomicfile.h"
#include "spec/specjson.h"

#include <QCoreApplication>
#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLockFile>
#include <QStandardPaths>
#include <QUuid>

#include <algorithm>

namespace {
struct Text {
    Q_DECLARE_TR_FUNCTIONS(Recovery)
};
const QString kLock = QStringLiteral("session.lock");
const QString kExperiment = QStringLiteral("experiment.json");
const QString kAbout = QStringLiteral("about.json");
const QString kRun = QStringLiteral("run.pt");
}  // namespace

QString RecoverySession::defaultRoot()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).filePath(QStringLiteral("recovery"));
}

RecoverySession::RecoverySession(const QString &root)
{
    m_folder = QDir(root).filePath(QUuid::createUuid().toString(QUuid::WithoutBraces));
    if (!QDir().mkpath(m_folder)) {
        m_error = Text::tr("cannot make the recovery folder %1; the open experiment is not autosaved").arg(m_folder);
        return;
    }
    m_lock = std::make_unique<QLockFile>(QDir(m_folder).filePath(kLock));
    m_lock->setStaleLockTime(0);  // held for the whole session, however long
    if (!m_lock->tryLock(0))
        m_error = Text::tr("cannot lock the recovery folder %1; the open experiment is not autosaved").arg(m_folder);
}

RecoverySession::~RecoverySession()
{
    if (m_folder.isEmpty())
        return;
    if (m_lock)
        m_lock->unlock();
    QDir(m_folder).removeRecursively();
}

QString RecoverySession::checkpointPath() const { return QDir(m_folder).filePath(kRun); }

QString RecoverySession::writeAbout()
{
    QJsonObject o{{QStringLiteral("original"), m_originalPath},
                  {QStringLiteral("name"), m_name},
                  {QStringLiteral("saved"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate)},
                  {QStringLiteral("step"), double(m_step)}};
    return atomicfile::write(QDir(m_folder).filePath(kAbout), QJsonDocument(o).toJson(), Text::tr("recovery notes"));
}

QString RecoverySession::saveExperiment(const ExperimentSpec &spec, const QString &originalPath)
{
    if (!isActive())
        return m_error;
    if (const QString e = atomicfile::write(QDir(m_folder).filePath(kExperiment), specjson::toBytes(spec), Text::tr("autosaved experiment"));
        !e.isEmpty())
        return e;
    m_hasExperiment = true;
    m_originalPath = originalPath;
    m_name = spec.name;
    return writeAbout();
}

void RecoverySession::clearExperiment()
{
    if (!m_hasExperiment)
        return;
    QFile::remove(QDir(m_folder).filePath(kExperiment));
    m_hasExperiment = false;
    writeAbout();
}

void RecoverySession::noteCheckpoint(std::int64_t step)
{
    m_step = step;
    writeAbout();
}

void RecoverySession::clearCheckpoint()
{
    if (m_step < 0)
        return;
    QFile::remove(checkpointPath());
    m_step = -1;
    writeAbout();
}

std::vector<RecoverySession::Crashed> RecoverySession::crashed(const QString &root)
{
    std::vector<Crashed> out;
    const QDir dir(root);
    for (const QString &name : dir.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        const QString folder = dir.filePath(name);
        // Its lock can be taken only when the session holding it is gone (QLockFile knows a
        // lock by a dead process as stale); a running window keeps its own.
        QLockFile probe(QDir(folder).filePath(kLock));
        probe.setStaleLockTime(0);
        if (!probe.tryLock(0))
            continue;
        probe.unlock();
        Crashed c;
        c.folder = folder;
        if (QFile::exists(QDir(folder).filePath(kExperiment)))
            c.experimentFile = QDir(folder).filePath(kExperiment);
        QFile about(QDir(folder).filePath(kAbout));
        if (about.open(QIODevice::ReadOnly)) {
            const QJsonObject o = QJsonDocument::fromJson(about.readAll()).object();
            c.originalPath = o.value(QStringLiteral("original")).toString();
            c.name = o.value(QStringLiteral("name")).toString();
            c.lastSaved = QDateTime::fromString(o.value(QStringLiteral("saved")).toString(), Qt::ISODate);
            c.step = std::int64_t(o.value(QStringLiteral("step")).toDouble(-1));
        }
        if (c.step >= 0 && QFile::exists(QDir(folder).filePath(kRun)))
            c.checkpointFile = QDir(folder).filePath(kRun);
        if (c.experimentFile.isEmpty() && c.checkpointFile.isEmpty()) {
            QDir(folder).removeRecursively();  // a session that ended with nothing unsaved
            continue;
        }
        out.push_back(std::move(c));
    }
    std::sort(out.begin(), out.end(), [](const Crashed &a, const Crashed &b) { return a.lastSaved > b.lastSaved; });
    return out;
}

void RecoverySession::discard(const Crashed &session) { QDir(session.folder).removeRecursively(); }
