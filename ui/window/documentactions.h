#pragma once

#include "spec/experimentspec.h"

#include <QObject>
#include <QString>


class ExperimentDocument;
class QMainWindow;
class QAction;
class QMenu;

// The document's side of the window: the File, Edit and Presets menus (New, Open, Open Recent,
// Save, Save As, Undo, Redo, the built-in experiments), the question about unsaved changes,
// recent files, the last folder used and the window title with its dirty marker.
class DocumentActions : public QObject {
    Q_OBJECT
public:
    DocumentActions(ExperimentDocument *doc, QMainWindow *window);

    void addMenus();
    // File's menu, and where others add to it (above Quit).
    QMenu *fileMenu() const { return m_fileMenu; }
    QAction *fileMenuEnd() const { return m_beforeQuit; }

    // Asks first when there are unsaved changes; false when the user cancels or the file or
    // preset cannot be read (the message says why).
    bool maybeSave();
    bool newExperiment();
    bool openPreset(const QString &name);
    // With `error`, a file that cannot be read is said there rather than in a message box (a
    // scripted start, where nobody is there to close one).
    bool openFile(const QString &path, QString *error = nullptr);
    bool save();
    bool saveAs(const QString &path);  // no dialog
    // Replaces the document with `spec` (a checkpoint's experiment), asking about unsaved changes.
    bool replaceWith(const ExperimentSpec &spec);

    // A save dialog in the last folder used, with a file name made of the experiment's name.
    QString askSavePath(const QString &title, const QString &filter, const QString &suggestedName);
    QString lastFolder() const;
    void rememberFolder(const QString &path);

private:
    bool openFileAsked(const QString &path, QString *error = nullptr);  // the user already chose about unsaved changes
    void addRecentFile(const QString &path);
    void fillRecentMenu();
    void updateTitle();

    ExperimentDocument *m_doc;
    QMainWindow *m_window;
    QMenu *m_recentMenu = nullptr;
    QMenu *m_fileMenu = nullptr;
    QAction *m_beforeQuit = nullptr;  // the separator above File > Quit
    QString m_presetName;  // the preset a new document came from, for its title
};
