#pragma once

// Shared by the window's tests. They drive a MainWindow as a person does: through its actions,
// found by their object names (startAction, pauseAction, stepAction, substepAction, stopAction,
// presentationAction, ...), and the views it shows, found by their types. The window has no
// accessors for tests.

#include <QAction>
#include <QApplication>
#include <QCoreApplication>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTableView>
#include <QTimer>

// The one child of `in` of type T (named `name` when given); a missing one ends the test with
// its name.
template <class T>
T *child(const QObject &in, const char *name = nullptr)
{
    T *found = in.findChild<T *>(name ? QString::fromLatin1(name) : QString());
    if (!found)
        qFatal("%s has no %s%s%s", qPrintable(in.objectName()), T::staticMetaObject.className(), name ? " named " : "", name ? name : "");
    return found;
}

// A click on the menu item: like a person's, it does nothing while the action is disabled.
inline void trigger(const QObject &window, const char *action) { child<QAction>(window, action)->trigger(); }

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
    QSettings().remove(QStringLiteral("training/speed"));  // full speed, whatever a test left
    QSettings().remove(QStringLiteral("training/threads"));  // the default thread policy
    QSettings().remove(QStringLiteral("window/layout"));   // each kind's panels as the window lays them out
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
