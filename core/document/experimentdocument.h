#pragma once

#include "spec/experimentspec.h"
#include "spec/shapeinference.h"

#include <QObject>
#include <QString>
#include <QStringList>

#include <functional>

class QUndoStack;

// The experiment being edited: owns the spec and the undo stack and is the only source of
// change signals. Every edit is a command on the stack (undoable, parameter drags merged);
// opening or creating a document clears the stack. Layers are addressed by their stable id.
class ExperimentDocument : public QObject {
    Q_OBJECT
public:
    explicit ExperimentDocument(QObject *parent = nullptr);
    ~ExperimentDocument() override;

    const ExperimentSpec &spec() const { return m_spec; }
    QUndoStack *undoStack() const { return m_undo; }
    QString filePath() const { return m_path; }  // empty for a new or preset document
    bool isModified() const;

    // The shape analysis of the current spec, kept up to date with every edit.
    const ExperimentAnalysis &analysis() const { return m_analysis; }
    QString dataProblem() const { return m_dataProblem; }  // the data's shape cannot be known
    // Every reason training cannot start, the data's first; empty when the experiment is valid.
    QStringList problems() const;
    // Runs the analysis again and announces it, so that its sentences are in the language
    // installed since (View > Language).
    void retranslate();

    // Replaces the whole document (New, Open, a preset): clears undo history, marks it clean.
    void reset(const ExperimentSpec &spec, const QString &path = QString());
    // The same, for an autosave recovered after a crash: the document starts modified, so that
    // it is saved (to `path`) or its changes are asked about.
    void restoreUnsaved(const ExperimentSpec &spec, const QString &path);
    // Reads a JSON experiment; on any problem returns the messages and changes nothing.
    QString open(const QString &path);
    // Writes atomically; on success the document takes the path and is clean.
    QString saveAs(const QString &path);

    // A new layer of `kind` that fits what arrives at `index` of the network: its input sizes
    // match the shape there (Linear in = the flattened size, Conv in = the channels, norms the
    // features, Reshape the shape), its output keeps the size. The user adjusts from there.
    LayerSpec newLayer(NetworkRole role, int index, LayerKind kind) const;
    // The per-sample shape that reaches layer `index` (the network's output for index = size);
    // empty when an earlier problem hides it.
    Shape inputShapeAt(NetworkRole role, int index) const;

    // Edits. Each pushes one undoable command; a no-op edit pushes nothing.
    void insertLayer(NetworkRole role, int index, LayerSpec layer);  // gets a fresh id
    void duplicateLayer(NetworkRole role, const QString &id);        // the copy goes below
    void removeLayer(NetworkRole role, const QString &id);
    void moveLayer(NetworkRole role, const QString &id, int toIndex);
    // Replaces the layer with `layer`'s id. Consecutive edits of the same `field` of the same
    // layer merge into one undo step (a spin box dragged through many values).
    void changeLayer(NetworkRole role, const LayerSpec &layer, const QString &field);
    // Edits anything but the layer stacks; consecutive edits of the same `field` merge. Layer
    // parameters that `edit` changes to keep the layers fitting the setting (conditioning's
    // first layers: conditioningfit) change with it, in the same undo step.
    void changeSettings(const QString &field, const std::function<void(ExperimentSpec &)> &edit);
    // Named latent directions (the latent explorer's): each save and each removal is an undo
    // step of its own.
    void saveDirection(const LatentDirectionSpec &direction);
    void removeDirection(int index);

    // Used by the commands only.
    void applyInsert(NetworkRole role, int index, const LayerSpec &layer);
    void applyRemove(NetworkRole role, int index);
    void applyMove(NetworkRole role, int from, int to);
    void applyLayer(NetworkRole role, const LayerSpec &layer);
    void applySettings(const ExperimentSpec &settings);

signals:
    // Each change is announced before the spec changes and again after, so that item models
    // can bracket it (beginInsertRows ... endInsertRows) while the spec still matches them.
    void layerAboutToBeInserted(NetworkRole role, int index);
    void layerAboutToBeRemoved(NetworkRole role, int index);
    void layerAboutToBeMoved(NetworkRole role, int from, int to);
    void aboutToReload();
    void layerInserted(NetworkRole role, int index);
    void layerRemoved(NetworkRole role, int index);
    void layerMoved(NetworkRole role, int from, int to);
    void layerChanged(NetworkRole role, int index);
    void settingsChanged();
    void reloaded();          // a new spec replaced everything
    void analysisChanged();   // after every change, once the analysis is current
    void modifiedChanged(bool modified);
    void filePathChanged(const QString &path);

private:
    void analyze();

    ExperimentSpec m_spec;
    QString m_path;
    QUndoStack *m_undo;
    int m_directionEdits = 0;  // keeps direction edits from merging
    ExperimentAnalysis m_analysis;
    QString m_dataProblem;
};
