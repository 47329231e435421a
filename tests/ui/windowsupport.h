#pragma once

// Shared by the window's tests.

#include <QApplication>
#include <QCoreApplication>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTableView>
#include <QTimer>

namespace windowsupport {

// Recent files, window state and the last folder go to a throwaway place.
inline void isolateSettings(const QString &application)
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("GAN Playground Tests"));
    QCoreApplication::setApplicationName(application);
    // The image measures train a classifier on a run's data the first time: a test that wants
    // them turns them on (on small data).
    QSettings().setValue(QStringLiteral("quality/interval"), 0);
}

inline QString cell(const QTableView *view, int row, int column)
{
    return view->model()->index(row, column).data().toString();
}

// Answers the next modal "unsaved changes" question with `button`.
inline void answerNextQuestion(QMessageBox::StandardButton button)
{
    QTimer::singleShot(0, [button] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (box)
            box->button(button)->click();
    });
}

// The non-modal warning the window shows, if one is open with this title.
inline QMessageBox *openWarning(const QString &title)
{
    for (QWidget *w : QApplication::topLevelWidgets())
        if (auto *box = qobject_cast<QMessageBox *>(w); box && box->isVisible() && box->windowTitle() == title)
            return box;
    return nullptr;
}

}  // namespace windowsupport
