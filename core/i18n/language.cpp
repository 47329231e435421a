#include "i18n/language.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

#include <memory>

namespace language {
namespace {

QString g_current = QStringLiteral("en");
// Owned here; removed from the application before they are replaced.
std::unique_ptr<QTranslator> g_own;
std::unique_ptr<QTranslator> g_qt;

void removeInstalled()
{
    if (g_own)
        QCoreApplication::removeTranslator(g_own.get());
    if (g_qt)
        QCoreApplication::removeTranslator(g_qt.get());
    g_own.reset();
    g_qt.reset();
}

}  // namespace

QStringList available() { return {QStringLiteral("en"), QStringLiteral("zh_CN")}; }

QString nativeName(const QString &code)
{
    if (code == QLatin1String("zh_CN"))
        return QStringLiteral("简体中文");
    return QStringLiteral("English");
}

QString forLocale(const QLocale &locale)
{
    if (locale.language() == QLocale::Chinese && locale.script() != QLocale::TraditionalChineseScript
        && locale.territory() != QLocale::Taiwan && locale.territory() != QLocale::HongKong && locale.territory() != QLocale::Macao)
        return QStringLiteral("zh_CN");
    return QStringLiteral("en");
}

QString systemLanguage()
{
    // uiLanguages() follows LANGUAGE / LC_ALL / LC_MESSAGES / LANG on Unix, best first.
    for (const QString &name : QLocale::system().uiLanguages()) {
        const QLocale locale(name);
        if (locale.language() == QLocale::English || locale.language() == QLocale::Chinese)
            return forLocale(locale);
    }
    return QStringLiteral("en");
}

bool apply(const QString &code)
{
    const QString wanted = available().contains(code) ? code : QStringLiteral("en");
    if (wanted == g_current && g_own)
        return true;
    removeInstalled();
    g_current = QStringLiteral("en");
    // English needs the program's file too: it holds the plural forms ("1 thread", "2 threads").
    auto own = std::make_unique<QTranslator>();
    if (!own->load(QStringLiteral(":/i18n/gan-playground_%1.qm").arg(wanted))) {
        if (wanted != QLatin1String("en"))
            return false;
    } else {
        QCoreApplication::installTranslator(own.get());
        g_own = std::move(own);
    }
    if (wanted != QLatin1String("en")) {
        auto qt = std::make_unique<QTranslator>();
        // Qt's own dialogs and buttons (Open, Cancel, the About Qt box). Missing is not an error:
        // the program's text is what matters.
        if (qt->load(QStringLiteral("qtbase_%1").arg(wanted), QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
            QCoreApplication::installTranslator(qt.get());
            g_qt = std::move(qt);
        }
    }
    g_current = wanted;
    return true;
}

QString current() { return g_current; }

QString presetDescription(const QString &english)
{
    if (english.isEmpty())
        return english;
    const QByteArray source = english.toUtf8();
    return QCoreApplication::translate("Presets", source.constData());
}

}  // namespace language
