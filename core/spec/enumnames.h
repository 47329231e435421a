#pragma once

#include <QString>
#include <QStringList>

#include <optional>
#include <utility>

// Name tables for the spec's enums: one table per enum serves JSON, the CLI and the UI.
template <typename E, typename Table>
QString enumName(const Table &table, E value)
{
    for (const auto &[v, n] : table)
        if (v == value)
            return QString::fromLatin1(n);
    return QStringLiteral("?");
}

template <typename E, typename Table>
std::optional<E> enumFromName(const Table &table, const QString &name)
{
    for (const auto &[v, n] : table)
        if (name == QLatin1String(n))
            return v;
    return std::nullopt;
}

template <typename Table>
QStringList enumNames(const Table &table)
{
    QStringList names;
    for (const auto &entry : table)
        names << QString::fromLatin1(entry.second);
    return names;
}
