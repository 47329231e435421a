#pragma once
// The program's language: its own translations (compiled in as :/i18n/gan-playground_<code>.qm)
// and Qt's (qtbase_<code>.qm from Qt's translations folder), installed into the running
// application. The window and the command line share this and call apply() at start, before any
// text is made; the window calls it again for View > Language, and installing the translators
// sends every widget QEvent::LanguageChange, on which the panels set their texts again.

#include <QLocale>
#include <QString>
#include <QStringList>

namespace language {

// The languages the program speaks, as codes ("en", "zh_CN").
QStringList available();

// The name of a language in itself ("English", "简体中文"), for menus.
QString nativeName(const QString &code);

// The best of available() for a locale: "zh_CN" for Chinese written in simplified characters.
QString forLocale(const QLocale &locale);

// The best of available() for the user's locale (LANG, LC_ALL, LC_MESSAGES, or the desktop's
// setting): "zh_CN" for any Chinese locale written in simplified characters, else "en".
QString systemLanguage();

// Makes `code` the program's language: removes the translators installed by an earlier call
// and installs the program's and Qt's for `code`. An unknown code means English. Returns false
// (and leaves English) when the program's own translation cannot be loaded.
bool apply(const QString &code);

// The language last applied ("en" before any call).
QString current();

// The English text of a built-in experiment's description in the current language, or the text
// itself when it is not one (a user's own description).
QString presetDescription(const QString &english);

}  // namespace language
