#include "window/documentactions.h"

#include "document/experimentdocument.h"
#include "i18n/language.h"
#include "spec/presets.h"
#include "widgets/widgetevents.h"

#include <QAction>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMainWindow>
#include <QMenuBar>
#include <QMessageBox>
#include <QRegularExpression>
#include <QSettings>
#include <QStatusBar>
#include <QUndoStack>

namespace {
constexpr int kMaxRecentFiles = 8;
const char *kRecentKey = "recentFiles";
const char *kFolderKey = "lastFolder";
}  // namespace

DocumentActions::DocumentActions(ExperimentDocument *doc, QMainWindow *window) : QObject(window), m_doc(doc), m_window(window)
{
    connect(m_doc, &ExperimentDocument::analysisChanged, this, &DocumentActions::updateTitle);
    connect(m_doc, &ExperimentDocument::modifiedChanged, this, &DocumentActions::updateTitle);
    connect(m_doc, &ExperimentDocument::filePathChanged, this, &DocumentActions::updateTitle);
    updateTitle();
}

void DocumentActions::addMenus()
{
    // File
    QMenu *file = m_window->menuBar()->addMenu(QString());
    m_fileMenu = file;
    QAction *newAction = file->addAction(QString(), QKeySequence::New, this, [this] { newExperiment(); });
    QAction *open = file->addAction(QString(), QKeySequence::Open, this, [this] {
        if (!maybeSave())
            return;
        const QString path = QFileDialog::getOpenFileName(m_window, tr("Open experiment"), lastFolder(), tr("Experiments (*.json)"));
        if (!path.isEmpty())
            openFileAsked(path);
    });
    m_recentMenu = file->addMenu(QString());
    connect(m_recentMenu, &QMenu::aboutToShow, this, &DocumentActions::fillRecentMenu);
    QAction *saveAction = file->addAction(QString(), QKeySequence::Save, this, [this] { save(); });
    QAction *saveAsAction = file->addAction(QString(), QKeySequence::SaveAs, this, [this] {
        const QString path = askSavePath(tr("Save experiment"), tr("Experiments (*.json)"), m_doc->spec().name + QStringLiteral(".json"));
        if (!path.isEmpty())
            saveAs(path);
    });
    m_beforeQuit = file->addSeparator();
    QAction *quit = file->addAction(QString(), QKeySequence::Quit, m_window, &QWidget::close);

    // Edit: undo and redo of every design and settings change, named after the step they undo.
    QMenu *edit = m_window->menuBar()->addMenu(QString());
    QUndoStack *stack = m_doc->undoStack();
    QAction *undo = edit->addAction(QString(), stack, &QUndoStack::undo);
    undo->setShortcuts(QKeySequence::Undo);
    QAction *redo = edit->addAction(QString(), stack, &QUndoStack::redo);
    redo->setShortcuts({QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y)});
    auto nameUndo = [this, stack, undo, redo] {
        undo->setText(stack->canUndo() ? tr("&Undo %1").arg(stack->undoText()) : tr("&Undo"));
        redo->setText(stack->canRedo() ? tr("&Redo %1").arg(stack->redoText()) : tr("&Redo"));
        undo->setEnabled(stack->canUndo());
        redo->setEnabled(stack->canRedo());
    };
    connect(stack, &QUndoStack::indexChanged, this, nameUndo);
    connect(stack, &QUndoStack::cleanChanged, this, nameUndo);
    connect(stack, &QUndoStack::undoTextChanged, this, nameUndo);

    // Presets, each with its description.
    QMenu *presetMenu = m_window->menuBar()->addMenu(QString());
    presetMenu->setToolTipsVisible(true);
    QList<QPair<QAction *, QString>> presetActions;
    for (const QString &name : presets::names()) {
        ExperimentSpec spec;
        presets::load(name, &spec);
        QAction *action = presetMenu->addAction(name, this, [this, name] { openPreset(name); });
        action->setData(name);
        presetActions.append({action, spec.description});
    }

    widgetevents::retranslated(m_window, [=] {
        file->setTitle(tr("&File"));
        newAction->setText(tr("&New"));
        newAction->setStatusTip(tr("A new experiment, starting from the default one"));
        open->setText(tr("&Open..."));
        m_recentMenu->setTitle(tr("Open &Recent"));
        saveAction->setText(tr("&Save"));
        saveAsAction->setText(tr("Save &As..."));
        quit->setText(tr("&Quit"));
        edit->setTitle(tr("&Edit"));
        nameUndo();
        presetMenu->setTitle(tr("&Presets"));
        for (const auto &[action, english] : presetActions) {
            // Its title in the window's language; the name is the command line's (--preset).
            const QString name = action->data().toString();
            const QString title = presets::title(name);
            action->setText(title.isEmpty() ? name : QStringLiteral("%1  (%2)").arg(title, name));
            const QString description = language::presetDescription(english);
            action->setToolTip(QStringLiteral("<qt>%1</qt>").arg(description.toHtmlEscaped()));  // rich text: wrapped on screen
            // The first sentence, in either language.
            static const QRegularExpression sentenceEnd(QStringLiteral("(\\. |。)"));
            const qsizetype end = description.indexOf(sentenceEnd);
            action->setStatusTip(end < 0 ? description : description.left(end + 1));
        }
        updateTitle();
    });
}

bool DocumentActions::maybeSave()
{
    if (!m_doc->isModified())
        return true;
    const auto answer = QMessageBox::warning(m_window, tr("Unsaved changes"),
                                             tr("The experiment \"%1\" has changes that are not saved. Save them first?").arg(m_doc->spec().name),
                                             QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Cancel)
        return false;
    if (answer == QMessageBox::Save)
        return save();
    return true;
}

bool DocumentActions::newExperiment()
{
    if (!maybeSave())
        return false;
    ExperimentSpec spec;
    if (const QString error = presets::load(presets::defaultName(), &spec); !error.isEmpty())
        return false;
    spec.name = tr("Untitled");
    m_presetName.clear();
    m_doc->reset(spec);
    return true;
}

bool DocumentActions::openPreset(const QString &name)
{
    ExperimentSpec spec;
    if (const QString error = presets::load(name, &spec); !error.isEmpty()) {
        m_window->statusBar()->showMessage(error);
        return false;
    }
    if (!maybeSave())
        return false;
    m_presetName = name;
    m_doc->reset(spec);
    return true;
}

bool DocumentActions::openFile(const QString &path, QString *error)
{
    return maybeSave() && openFileAsked(path, error);
}

bool DocumentActions::openFileAsked(const QString &path, QString *error)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    if (const QString problem = m_doc->open(absolute); !problem.isEmpty()) {
        if (error)
            *error = problem;
        else
            QMessageBox::warning(m_window, tr("Cannot open experiment"), problem);
        return false;
    }
    m_presetName.clear();
    updateTitle();
    addRecentFile(m_doc->filePath());
    rememberFolder(path);
    return true;
}

bool DocumentActions::save()
{
    if (m_doc->filePath().isEmpty()) {
        const QString path = askSavePath(tr("Save experiment"), tr("Experiments (*.json)"), m_doc->spec().name + QStringLiteral(".json"));
        return !path.isEmpty() && saveAs(path);
    }
    return saveAs(m_doc->filePath());
}

bool DocumentActions::saveAs(const QString &path)
{
    if (const QString error = m_doc->saveAs(QFileInfo(path).absoluteFilePath()); !error.isEmpty()) {
        QMessageBox::warning(m_window, tr("Cannot save experiment"), tr("%1\nChoose another folder with File > Save As.").arg(error));
        return false;
    }
    m_presetName.clear();
    addRecentFile(m_doc->filePath());
    rememberFolder(path);
    m_window->statusBar()->showMessage(tr("Saved %1").arg(QDir::toNativeSeparators(m_doc->filePath())), 4000);
    return true;
}

QString DocumentActions::askSavePath(const QString &title, const QString &filter, const QString &suggestedName)
{
    QString name = suggestedName;
    name.replace(QLatin1Char('/'), QLatin1Char('-'));
    const QString path = QFileDialog::getSaveFileName(m_window, title, QDir(lastFolder()).filePath(name), filter);
    if (!path.isEmpty())
        rememberFolder(path);
    return path;
}

QString DocumentActions::lastFolder() const
{
    return QSettings().value(QLatin1String(kFolderKey), QDir::homePath()).toString();
}

void DocumentActions::rememberFolder(const QString &path)
{
    QSettings().setValue(QLatin1String(kFolderKey), QFileInfo(path).absolutePath());
}

void DocumentActions::addRecentFile(const QString &path)
{
    QSettings settings;
    QStringList recent = settings.value(QLatin1String(kRecentKey)).toStringList();
    recent.removeAll(path);
    recent.prepend(path);
    while (recent.size() > kMaxRecentFiles)
        recent.removeLast();
    settings.setValue(QLatin1String(kRecentKey), recent);
}

void DocumentActions::fillRecentMenu()
{
    m_recentMenu->clear();
    const QStringList recent = QSettings().value(QLatin1String(kRecentKey)).toStringList();
    for (int i = 0; i < recent.size(); ++i) {
        const QString path = recent[i];
        QAction *a = m_recentMenu->addAction(QStringLiteral("&%1 %2").arg(i + 1).arg(QFileInfo(path).fileName()), this, [this, path] { openFile(path); });
        a->setStatusTip(QDir::toNativeSeparators(path));
        a->setEnabled(QFileInfo::exists(path));
    }
    if (recent.isEmpty())
        m_recentMenu->addAction(tr("(none yet)"))->setEnabled(false);
    else {
        m_recentMenu->addSeparator();
        m_recentMenu->addAction(tr("Clear List"), this, [] { QSettings().remove(QLatin1String(kRecentKey)); });
    }
}

void DocumentActions::updateTitle()
{
    QString shown = m_doc->filePath().isEmpty() ? (m_presetName.isEmpty() ? m_doc->spec().name : m_presetName) : QFileInfo(m_doc->filePath()).fileName();
    if (shown.isEmpty())
        shown = tr("Untitled");
    m_window->setWindowTitle(tr("%1[*] - GAN Playground").arg(shown));
    m_window->setWindowModified(m_doc->isModified());
}

bool DocumentActions::replaceWith(const ExperimentSpec &spec)
{
    if (spec == m_doc->spec())
        return true;
    if (!maybeSave())
        return false;
    m_presetName.clear();
    m_doc->reset(spec);
    return true;
}
