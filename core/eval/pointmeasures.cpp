#include "pointmeasures.h"

#include "divergence.h"
#include "modecoverage.h"

#include <QDir>
#include <QFile>

namespace pointmeasures {

Row measure(std::int64_t step, const Dataset &data, const std::vector<float> &generated)
{
    Row row;
    row.step = step;
    if (!data.modes.empty()) {
        const ModeCoverage c = evaluateModeCoverage(generated, data.modes, data.modeSigma);
        row.modesCaptured = c.captured;
        row.highQuality = c.highQualityFraction;
    }
    const auto [lo, hi] = divergence::viewAround(data.points);
    const divergence::Estimate e = divergence::againstReal(data.points, generated, kCoverageSamples, lo, hi);
    row.js = e.js;
    return row;
}

QString path(const QString &runFolder) { return QDir(runFolder).filePath(QStringLiteral("measures.csv")); }

QByteArray csv(const std::vector<Row> &rows)
{
    QByteArray out = "step,modes_captured,high_quality,js\n";
    for (const Row &r : rows) {
        out += QByteArray::number(qint64(r.step)) + ',';
        out += (r.modesCaptured >= 0 ? QByteArray::number(r.modesCaptured) : QByteArray()) + ',';
        out += (r.highQuality >= 0 ? QByteArray::number(r.highQuality, 'g', 9) : QByteArray()) + ',';
        out += (r.js >= 0 ? QByteArray::number(r.js, 'g', 9) : QByteArray()) + '\n';
    }
    return out;
}

std::vector<Row> read(const QString &runFolder)
{
    std::vector<Row> rows;
    QFile f(path(runFolder));
    if (!f.open(QIODevice::ReadOnly))
        return rows;
    const QList<QByteArray> lines = f.readAll().split('\n');
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QList<QByteArray> cells = lines[i].trimmed().split(',');
        if (cells.size() != 4)
            continue;
        Row r;
        bool ok = false;
        r.step = cells[0].toLongLong(&ok);
        if (!ok || (!rows.empty() && r.step <= rows.back().step))
            continue;
        r.modesCaptured = cells[1].isEmpty() ? -1 : cells[1].toInt();
        r.highQuality = cells[2].isEmpty() ? -1 : cells[2].toDouble();
        r.js = cells[3].isEmpty() ? -1 : cells[3].toDouble();
        rows.push_back(r);
    }
    return rows;
}

}  // namespace pointmeasures
