#include "rundirectory.h"

#include <QDir>
#include <QSaveFile>

RunDirectory::RunDirectory(QString path) : m_path(std::move(path)) {}

QString RunDirectory::create() const
{
    if (!QDir().mkpath(samplesDir()))
        return QStringLiteral("%1: cannot create the run folder; choose a writable location").arg(m_path);
    return QString();
}

QString RunDirectory::experimentPath() const { return QDir(m_path).filePath(QStringLiteral("experiment.json")); }
QString RunDirectory::checkpointPath() const { return QDir(m_path).filePath(QStringLiteral("checkpoint.pt")); }
QString RunDirectory::metricsPath() const { return QDir(m_path).filePath(QStringLiteral("metrics.csv")); }
QString RunDirectory::samplesDir() const { return QDir(m_path).filePath(QStringLiteral("samples")); }

QString RunDirectory::samplePath(std::int64_t step) const
{
    return QDir(samplesDir()).filePath(QStringLiteral("step_%1.png").arg(step, 6, 10, QLatin1Char('0')));
}

QByteArray RunDirectory::metricsHeader()
{
    return "step,loss_d,loss_g,d_real,d_fake,grad_norm_d,grad_norm_g,seconds\n";
}

QByteArray RunDirectory::metricsRow(const StepRecord &r)
{
    return QStringLiteral("%1,%2,%3,%4,%5,%6,%7,%8\n")
        .arg(r.step)
        .arg(double(r.lossD), 0, 'g', 8)
        .arg(double(r.lossG), 0, 'g', 8)
        .arg(double(r.dReal), 0, 'g', 8)
        .arg(double(r.dFake), 0, 'g', 8)
        .arg(double(r.gradNormD), 0, 'g', 8)
        .arg(double(r.gradNormG), 0, 'g', 8)
        .arg(r.seconds, 0, 'g', 6)
        .toLatin1();
}

QString RunDirectory::startMetrics(const std::vector<StepRecord> &history)
{
    m_metrics.reset();
    QSaveFile file(metricsPath());
    if (!file.open(QIODevice::WriteOnly))
        return QStringLiteral("%1: cannot write (%2)").arg(metricsPath(), file.errorString());
    file.write(metricsHeader());
    for (const StepRecord &r : history)
        file.write(metricsRow(r));
    if (!file.commit())
        return QStringLiteral("%1: writing failed (%2)").arg(metricsPath(), file.errorString());
    m_metrics = std::make_unique<QFile>(metricsPath());
    if (!m_metrics->open(QIODevice::Append)) {
        const QString error = QStringLiteral("%1: cannot append (%2)").arg(metricsPath(), m_metrics->errorString());
        m_metrics.reset();
        return error;
    }
    return QString();
}

QString RunDirectory::appendMetrics(const StepRecord &record)
{
    if (!m_metrics)
        return QStringLiteral("%1: not open").arg(metricsPath());
    if (m_metrics->write(metricsRow(record)) < 0)
        return QStringLiteral("%1: cannot append (%2)").arg(metricsPath(), m_metrics->errorString());
    return QString();
}

void RunDirectory::flushMetrics()
{
    if (m_metrics)
        m_metrics->flush();
}
